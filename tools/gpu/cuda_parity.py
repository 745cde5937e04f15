"""Runs the parity cases kept by PyTorchParityTests on a CUDA device.

Each case directory (written when DSL_PARITY_CASES names a directory during `dotnet test`) holds the generated
PyTorch module (model.py), the TorchSharp weights, a batch and what TorchSharp computed on the CPU. Here the module
loads the weights strictly by name, moves to the GPU, and must compute the same outputs and loss terms (TF32 off, so
float32 on both sides); then one training step on the GPU must give finite gradients on the GPU for every trainable
parameter that gets one. The error measure is the C# test's: max |a - b| / max |b|, for a loss term relative to the
larger of its own and the outputs' magnitude.

usage: python3 cuda_parity.py CASES_DIR [TOLERANCE]    exit status 1 when a case fails
"""
import importlib.util
import os
import sys

import torch


def load(folder, name):
    spec = importlib.util.spec_from_file_location("model_" + name, os.path.join(folder, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(net, batch):
    outputs = net(*[batch[name] for name in net.input_names])
    result = {"output." + name: value for name, value in outputs.items()}
    if hasattr(net, "compute_loss"):
        total, terms = net.compute_loss(outputs, {name: batch[name] for name in net.target_names})
        result["loss.total"] = total
        result.update({"loss." + name: value for name, value in terms.items()})
    return result


def relative_error(ours, expected):
    outputs = max((expected[n].abs().max().item() for n in expected if n.startswith("output.")), default=0.0)
    worst, worst_name = 0.0, ""
    for name, reference in expected.items():
        if name not in ours:
            raise AssertionError("the GPU run did not compute " + name)
        value = ours[name].detach().double().cpu()
        reference = reference.double()
        if tuple(value.shape) != tuple(reference.shape):
            raise AssertionError(f"{name}: shape {tuple(value.shape)} on the GPU, {tuple(reference.shape)} in C#")
        magnitude = reference.abs().max().item()
        scale = max(max(magnitude, outputs) if name.startswith("loss.") else magnitude, 1e-12)
        error = (value - reference).abs().max().item() / scale
        if error > worst:
            worst, worst_name = error, name
    return worst, worst_name


def main():
    root = sys.argv[1]
    tolerance = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-5
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    device = torch.device("cuda")
    print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {torch.cuda.get_device_name(device)}; tolerance {tolerance:g}")
    failures = 0
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        try:
            m = load(folder, name)
            net = m.MODEL()
            net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)
            net.to(device).eval()
            batch = {k: v.to(device) for k, v in m.load_safetensors(os.path.join(folder, "batch.safetensors")).items()}
            expected = m.load_safetensors(os.path.join(folder, "torchsharp.safetensors"))
            with torch.no_grad():
                ours = evaluate(net, batch)
            off_device = [n for n, v in ours.items() if v.device.type != "cuda"]
            if off_device:
                raise AssertionError("computed off the GPU: " + ", ".join(off_device))
            error, where = relative_error(ours, expected)

            net.train()
            gradients = "no loss"
            if hasattr(net, "compute_loss"):
                total = evaluate(net, batch)["loss.total"]
                total.backward()
                grads = [(n, p.grad) for n, p in net.named_parameters() if p.grad is not None]
                bad = [n for n, g in grads if g.device.type != "cuda" or not torch.isfinite(g).all()]
                if bad:
                    raise AssertionError("gradients not finite or not on the GPU: " + ", ".join(bad))
                gradients = f"{len(grads)} gradients finite on the GPU"
            status = "ok" if error <= tolerance else "FAILED"
            failures += status != "ok"
            print(f"{status:6} {name}: max relative error vs TorchSharp CPU {error:.1e} ({where}); {gradients}")
        except Exception as exc:  # one broken case must not hide the others
            failures += 1
            print(f"FAILED {name}: {type(exc).__name__}: {exc}")
    print(f"{failures} of {len(os.listdir(root))} cases failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
