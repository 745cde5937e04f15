#!/usr/bin/env bash
# The GPU check of the PyTorch export, run on a CUDA machine from the repository root (see tools/gpu/README.md).
# Needs out/gpu/cases (PyTorchParityTests with DSL_PARITY_CASES=out/gpu/cases) and out/gpu/ddp (export-pytorch).
# Writes parity.txt, ddp.txt and the GPU-trained weights.safetensors to $OUT (default out/gpu/result).
set -uo pipefail
OUT="${OUT:-out/gpu/result}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$OUT/machine.txt"
python3 -c 'import torch, sys; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())' | tee -a "$OUT/machine.txt"
python3 tools/gpu/cuda_parity.py out/gpu/cases 1e-5 2>&1 | tee "$OUT/parity.txt"
parity=${PIPESTATUS[0]}
# One process per GPU over NCCL, as on a cluster node; rank 0 writes the trained weights.
(cd out/gpu/ddp && python3 -m torch.distributed.run --standalone --nproc_per_node="$(nvidia-smi -L | wc -l)" \
    train_ddp.py --backend nccl --epochs 2 --batch-size 32 --out "$OUT/weights.safetensors") 2>&1 | tee "$OUT/ddp.txt"
ddp=${PIPESTATUS[0]}
echo "parity exit $parity, ddp exit $ddp"
exit $(( parity != 0 || ddp != 0 ))
