#!/usr/bin/env bash
# On the GPU machine (CUDA driver, python3 with torch, no .NET), from the repo root, after
#   ../shared/gpu/pack-runtime.sh .gpu && dotnet publish tests/Batuta.Gpu.Checks -c Release -o .gpu/app
# on the development machine and carrying .gpu along:  tests/Batuta.Gpu.Checks/run-on-gpu.sh [OUT_DIR] [checks args]
# Writes nvidia-smi.txt, torch.md (the PyTorch peer) and Batuta.Gpu.Checks' tests.md, bench.md, kernel-tests.md, theories.md.
set -u
out=${1:-${OUT:-gpu-checks-out}}
shift || true
mkdir -p "$out"
tar xJf .gpu/dotnet-runtime.tar.xz -C /tmp && export DOTNET_ROOT=/tmp/dotnet PATH=/tmp/dotnet:$PATH
nvidia-smi -L | tee "$out/nvidia-smi.txt"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem,power.limit --format=csv >> "$out/nvidia-smi.txt" 2>&1
timeout 150 python3 tests/Batuta.Gpu.Checks/torch_peer.py "$out" 2>&1 | tee "$out/torch.log"
timeout "${CHECKS_TIMEOUT:-330}" dotnet .gpu/app/Batuta.Gpu.Checks.dll --out "$out" "$@" 2>&1 | tee "$out/checks.log"
echo "checks exit: ${PIPESTATUS[0]}" | tee -a "$out/checks.log"
