"""PyTorch side of the seed-net step benchmark (tests/Dsl.Benchmarks, see StepWorker.cs for the protocol).

The same architectures as the DSL's DigitClassifier (seed 000) and MultitaskNet (seed 001), the same losses,
optimizers and batch sizes. Run by the benchmark with /usr/bin/python3 (Debian's python3-torch, PyTorch 1.13).
It prints "ready params classifier=N multitask=M ..." and then answers "run NET pytorch THREADS STEPS" with
"ms X", the mean milliseconds per step over STEPS steps after one untimed step at that thread count.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class DigitClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Conv2d(1, 32, 3)
        self.layer2 = nn.Conv2d(32, 64, 3)
        self.layer3 = nn.Linear(9216, 128)
        self.layer4 = nn.Linear(128, 10)

    def forward(self, image):
        x = F.relu(self.layer1(image))
        x = F.relu(self.layer2(x))
        x = F.dropout(F.max_pool2d(x, 2, 2), 0.25, self.training)
        x = F.dropout(F.relu(self.layer3(x.flatten(1))), 0.5, self.training)
        return self.layer4(x)


class MultitaskNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.ModuleList([nn.Conv2d(1 if i == 0 else 64, 64, 3, padding=1) for i in range(6)])
        self.linear_1 = nn.Linear(3136, 1024)
        self.classification = nn.Linear(1024, 10)
        self.conv2d_7 = nn.Conv2d(64, 64, 3, padding=1)
        self.autoencoder = nn.Conv2d(64, 1, 3, padding=1)

    def forward(self, image):
        x = image
        for i, conv in enumerate(self.encoder):
            x = F.relu(conv(x))
            if i != 5:
                x = F.dropout(x, 0.1, self.training)
            if i in (2, 5):
                x = F.max_pool2d(x, 2, 2)
        logits = self.classification(F.relu(self.linear_1(x.flatten(1))))
        y = F.relu(self.conv2d_7(F.interpolate(x, scale_factor=2.0, mode="nearest")))
        y = torch.sigmoid(self.autoencoder(F.interpolate(y, scale_factor=2.0, mode="nearest")))
        return logits, y


BATCH = {"classifier": 128, "multitask": 32}


def build(net):
    torch.manual_seed(7)
    images = torch.rand(BATCH[net], 1, 28, 28)
    labels = torch.randint(0, 10, (BATCH[net],))
    if net == "classifier":
        model = DigitClassifier().train()
        optimizer = torch.optim.Adam(model.parameters(), 1e-3)

        def loss():
            return F.cross_entropy(model(images), labels)
    else:
        model = MultitaskNet().train()
        optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum=0.9, nesterov=True)

        def loss():
            logits, reconstruction = model(images)
            return 0.9 * F.cross_entropy(logits, labels) + 0.1 * F.mse_loss(reconstruction, images)

    def step():
        loss().backward()
        optimizer.step()
        optimizer.zero_grad()

    return step


def params(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def main():
    print(f"ready params classifier={params(DigitClassifier())} multitask={params(MultitaskNet())} torch={torch.__version__}", flush=True)
    steps = {}
    for line in sys.stdin:
        parts = line.split()
        if parts == ["quit"]:
            break
        if len(parts) != 5 or parts[0] != "run" or parts[2] != "pytorch":
            print(f"error unknown command '{line.strip()}'", flush=True)
            continue
        net, threads, count = parts[1], int(parts[3]), int(parts[4])
        torch.set_num_threads(threads)
        if net not in steps:
            steps[net] = build(net)
            steps[net]()
        step = steps[net]
        step()  # untimed: the first step at a thread count sets up the kernels for it
        start = time.perf_counter()
        for _ in range(count):
            step()
        print(f"ms {(time.perf_counter() - start) * 1000 / count:.4f}", flush=True)


if __name__ == "__main__":
    main()
