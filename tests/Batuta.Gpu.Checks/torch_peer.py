"""PyTorch peer for issue 5's GPU numbers, timed the way Batuta.Gpu.Checks times Batuta.Tensor:
a warm-up call, then batches of back-to-back calls closed by CUDA events, median batch.
float32 add of 16M elements (GB/s over three arrays) and float32 matmul with TF32 off (cuBLAS SGEMM).
Usage: python3 torch_peer.py OUT_DIR"""
import os
import sys
import time

import torch

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")
rows = []
header = "| operation | implementation | timing | ms | rate | check |\n|---|---|---|---:|---:|---|\n"


def emit(op, impl, mode, seconds, rate, check=""):
    line = f"| {op} | {impl} | {mode} | {seconds * 1e3:.3f} | {rate} | {check} |"
    rows.append(line)
    print("  " + line, flush=True)
    with open(os.path.join(out, "torch.md"), "w") as f:
        f.write(header + "\n".join(rows) + "\n")


def events(fn, iters, reps=7):
    fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        s = torch.cuda.Event(enable_timing=True)
        e = torch.cuda.Event(enable_timing=True)
        s.record()
        for _ in range(iters):
            fn()
        e.record()
        e.synchronize()
        times.append(s.elapsed_time(e) / 1e3 / iters)
    times.sort()
    return times[len(times) // 2]


def wall_sync(fn, iters, reps=7):
    fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(iters):
            fn()
            torch.cuda.synchronize()
        times.append((time.perf_counter() - t0) / iters)
    times.sort()
    return times[len(times) // 2]


print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {torch.cuda.get_device_name(0)}, allow_tf32={torch.backends.cuda.matmul.allow_tf32}", flush=True)
with open(os.path.join(out, "torch-info.txt"), "w") as f:
    f.write(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {torch.cuda.get_device_name(0)}, allow_tf32={torch.backends.cuda.matmul.allow_tf32}\n")

n = 16 << 20
x = torch.rand(n, device=dev) * 2 - 1
y = torch.rand(n, device=dev) * 2 - 1
d = torch.empty_like(x)
bytes_ = 3.0 * n * 4
t = events(lambda: torch.add(x, y, out=d), 200)
emit(f"add float32 n={n}", f"PyTorch {torch.__version__}", "CUDA events, back to back", t, f"{bytes_ / t / 1e9:.1f} GB/s")
t = wall_sync(lambda: torch.add(x, y, out=d), 200)
emit(f"add float32 n={n}", f"PyTorch {torch.__version__}", "wall clock, synchronize after each call", t, f"{bytes_ / t / 1e9:.1f} GB/s")
xh, yh = x.cpu(), y.cpu()
t = wall_sync(lambda: (xh.to(dev) + yh.to(dev)).cpu(), 5, 3)
emit(f"add float32 n={n}", f"PyTorch {torch.__version__}", "including host->device->host copies (pageable)", t, f"{bytes_ / t / 1e9:.1f} GB/s")
del x, y, d

for s in (2048, 4096, 8192):
    a = torch.rand(s, s, device=dev) * 2 - 1
    b = torch.rand(s, s, device=dev) * 2 - 1
    c = torch.empty(s, s, device=dev)
    iters = 20 if s <= 2048 else 10 if s <= 4096 else 3
    t = events(lambda: torch.mm(a, b, out=c), iters)
    emit(f"matmul float32 {s}", f"PyTorch {torch.__version__} / cuBLAS (TF32 off)", "CUDA events, back to back", t, f"{2.0 * s ** 3 / t / 1e12:.1f} TFLOP/s")
    del a, b, c
print("torch done", flush=True)
