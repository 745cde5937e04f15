"""Data-parallel training of an exported model with torchrun (PyTorch DDP).

Written by Dsl.Export.PyTorchProject.Write (and the Examples' `export-pytorch`) next to model.py (the generated
nn.Module, MODEL), weights.safetensors (the C# module's weights) and, when the data was given, train.safetensors /
test.safetensors (named columns: the model's inputs, targets and masks).

    torchrun --standalone --nproc_per_node=2 --redirects 1 --tee 1 train_ddp.py --epochs 2

(--redirects 1 --tee 1: Debian 12's torch 1.13 on Python 3.11 cannot parse torchrun's default for them.)

Each process trains on its DistributedSampler shard; DDP averages the gradients. Rank 0 then writes the weights
(weights.safetensors unless --out says otherwise; the C# module loads them by name) and prints the accuracy of each
classification head on the test columns. CPU uses the gloo backend; on GPUs pass --backend nccl (each process uses
the CUDA device of its LOCAL_RANK).
"""
import argparse
import os
import sys

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, Dataset, DistributedSampler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as exported  # noqa: E402  (model.py beside this file)


class Columns(Dataset):
    """Samples of named columns (one tensor per column, the batch first)."""

    def __init__(self, columns):
        self.columns = columns
        self.count = len(next(iter(columns.values())))

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        return {name: column[index] for name, column in self.columns.items()}


def here(name):
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32, help="per process")
    parser.add_argument("--lr", type=float, default=1e-3, help="Adam's learning rate")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--backend", default="gloo", help="gloo (CPU) or nccl (CUDA)")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16-mixed"],
                        help="bf16-mixed: forward under torch.autocast(bfloat16), as TrainingOptions.Precision = Precision.Bf16Mixed; weights, loss and optimizer stay float32")
    parser.add_argument("--data", default=here("train.safetensors"))
    parser.add_argument("--test", default=here("test.safetensors"))
    parser.add_argument("--weights", default=here("weights.safetensors"), help="the weights to start from")
    parser.add_argument("--out", default=here("weights.safetensors"), help="where rank 0 writes the trained weights")
    args = parser.parse_args()

    dist.init_process_group(backend=args.backend)
    rank, world = dist.get_rank(), dist.get_world_size()
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    cuda = args.backend == "nccl"
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    torch.manual_seed(args.seed)

    net = exported.MODEL()
    net.load_state_dict(exported.load_safetensors(args.weights), strict=True)
    net.to(device)
    model = DistributedDataParallel(net, device_ids=[local_rank] if cuda else None)
    optimizer = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)

    data = Columns(exported.load_safetensors(args.data))
    sampler = DistributedSampler(data, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(data, batch_size=args.batch_size, sampler=sampler)
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        summed = torch.zeros(2, dtype=torch.float64, device=device)
        for batch in loader:
            batch = {name: column.to(device) for name, column in batch.items()}
            # bf16-mixed: convolutions, linear layers and matmul in bfloat16 under autocast; the outputs, and so the loss, in float32.
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.precision == "bf16-mixed"):
                outputs = model(*[batch[name] for name in net.input_names])
            outputs = {name: value.float() if value.is_floating_point() else value for name, value in outputs.items()}
            total, _ = net.compute_loss(outputs, {name: batch[name] for name in net.target_names})
            optimizer.zero_grad()
            total.backward()
            optimizer.step()
            summed += torch.tensor([total.item() * len(batch[net.input_names[0]]), len(batch[net.input_names[0]])], dtype=torch.float64, device=device)
        dist.all_reduce(summed)
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs}: loss {summed[0].item() / summed[1].item():.4f} over {int(summed[1].item())} samples on {world} processes", flush=True)

    if rank == 0:
        exported.save_safetensors({name: tensor.cpu() for name, tensor in net.state_dict().items()}, args.out)
        print(f"wrote {args.out}", flush=True)
        if os.path.exists(args.test):
            evaluate(net, exported.load_safetensors(args.test), device)
    # NCCL needs to know the process's GPU (else it guesses and warns); gloo takes no device.
    dist.barrier(device_ids=[local_rank]) if cuda else dist.barrier()
    dist.destroy_process_group()


def evaluate(net, columns, device):
    """Prints the accuracy of every classification head (arg max of the logits against the class index)."""
    net.eval()
    count = len(next(iter(columns.values())))
    for target, output in net.accuracy_heads.items():
        correct = 0
        with torch.no_grad():
            for start in range(0, count, 256):
                inputs = [columns[name][start:start + 256].to(device) for name in net.input_names]
                predicted = net(*inputs)[output].argmax(1).cpu()
                correct += int((predicted == columns[target][start:start + 256]).sum().item())
        print(f"accuracy {target} {correct / count:.4f} ({correct} of {count})", flush=True)


if __name__ == "__main__":
    main()
