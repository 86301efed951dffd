"""Independent LLaMA reference for Batuta.Inference's parity tests.

Reads a GGUF file with its own parser, dequantizes every tensor with numpy implementations of the
ggml block layouts (written from the ggml spec, sharing no code with the C# engine), and runs the
LLaMA forward pass in PyTorch float64: token embedding, RMSNorm, RoPE on adjacent pairs (ggml
"normal" mode, the layout of LLaMA GGUF files), grouped-query attention with a KV cache, SwiGLU MLP
and output head.

usage: llama_reference.py JOB.json
JOB: {"cases": [{"model": path, "prompt": [ids], "decode": [ids], "out": path, "int8": bool, "kv16": bool}]}
With "kv16", keys and values are rounded to half precision when cached (the engine's F16 KV cache).
With "int8", the input of every matrix product with block-quantized weights is first quantized the
way llama.cpp does it (Q8_K blocks of 256 for K-quants, Q8_0 blocks of 32 with a half-precision
scale for Q4_0/Q8_0), emulated in float32, so the engine's integer kernels can be checked tightly.
For each case it writes float32 logits to "out": prefill logits of every prompt position, then the
logits of each decode step (one row per token), shape (len(prompt) + len(decode), vocab).
"""
import json
import struct
import sys

import numpy as np
import torch

GGUF_MAGIC = 0x46554747
# ggml type id -> (block elements, block bytes)
LAYOUT = {0: (1, 4), 1: (1, 2), 30: (1, 2), 2: (32, 18), 8: (32, 34), 12: (256, 144), 13: (256, 176), 14: (256, 210)}


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, fmt):
        v = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return v[0] if len(v) == 1 else v

    def string(self):
        n = self.take("Q")
        s = self.data[self.pos:self.pos + n].decode("utf-8", errors="replace")
        self.pos += n
        return s

    def value(self, t):
        scalar = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
        if t in scalar:
            return self.take(scalar[t])
        if t == 8:
            return self.string()
        if t == 9:
            et, n = self.take("I"), self.take("Q")
            return [self.value(et) for _ in range(n)]
        raise ValueError("unknown gguf value type %d" % t)


def read_gguf(path):
    data = open(path, "rb").read()
    r = Reader(data)
    assert r.take("I") == GGUF_MAGIC, "not a GGUF file"
    version = r.take("I")
    assert version in (2, 3)
    n_tensors, n_kv = r.take("Q"), r.take("Q")
    meta = {}
    for _ in range(n_kv):
        k = r.string()
        meta[k] = r.value(r.take("I"))
    infos = []
    for _ in range(n_tensors):
        name = r.string()
        nd = r.take("I")
        dims = [r.take("Q") for _ in range(nd)]
        infos.append((name, dims, r.take("I"), r.take("Q")))
    align = meta.get("general.alignment", 32)
    start = (r.pos + align - 1) // align * align
    tensors, types = {}, {}
    for name, dims, t, off in infos:
        n = int(np.prod(dims))
        be, bb = LAYOUT[t]
        raw = np.frombuffer(data, dtype=np.uint8, count=n // be * bb, offset=start + off)
        tensors[name] = dequantize(raw, t, n).reshape(list(reversed(dims)))
        types[name] = t
    return meta, tensors, types


def f16(b):
    return b.copy().view(np.float16).astype(np.float32)


def scale_min_k4(sc):
    # sc: (nb, 12) packed 6-bit scales and mins of Q4_K / Q5_K
    s = np.zeros((sc.shape[0], 8), np.float32)
    m = np.zeros((sc.shape[0], 8), np.float32)
    for j in range(8):
        if j < 4:
            s[:, j] = sc[:, j] & 63
            m[:, j] = sc[:, j + 4] & 63
        else:
            s[:, j] = (sc[:, j + 4] & 0xF) | ((sc[:, j - 4] >> 6) << 4)
            m[:, j] = (sc[:, j + 4] >> 4) | ((sc[:, j] >> 6) << 4)
    return s, m


def dequantize(raw, t, n):
    if t == 0:
        return raw.view(np.float32).astype(np.float64)
    if t == 1:
        return raw.view(np.float16).astype(np.float64)
    if t == 30:
        return (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32).astype(np.float64)
    be, bb = LAYOUT[t]
    b = raw.reshape(-1, bb)
    if t == 8:  # Q8_0: half d, int8 q[32]
        return (f16(b[:, 0:2]) * b[:, 2:].view(np.int8).astype(np.float32)).reshape(-1).astype(np.float64)
    if t == 2:  # Q4_0: half d, q[16]: low nibbles -> weights 0..15, high -> 16..31, minus 8
        q = b[:, 2:]
        v = np.concatenate([q & 0xF, q >> 4], axis=1).astype(np.float32) - 8
        return (f16(b[:, 0:2]) * v).reshape(-1).astype(np.float64)
    if t in (12, 13):  # Q4_K / Q5_K: half d, half dmin, scales[12], (qh[32]), qs[128]
        d, dmin = f16(b[:, 0:2]), f16(b[:, 2:4])
        s, m = scale_min_k4(b[:, 4:16])
        qs = b[:, 16:144] if t == 12 else b[:, 48:176]
        q = qs.reshape(-1, 4, 32)
        v = np.stack([q & 0xF, q >> 4], axis=2).astype(np.float32)  # (nb, chunk, half, 32)
        if t == 13:
            qh = b[:, 16:48]
            for c in range(4):
                for h in range(2):
                    v[:, c, h, :] += ((qh >> (2 * c + h)) & 1) * 16
        v = v.reshape(-1, 8, 32)
        w = (d * s)[:, :, None] * v - (dmin * m)[:, :, None]
        return w.reshape(-1).astype(np.float64)
    if t == 14:  # Q6_K: ql[128], qh[64], int8 scales[16], half d
        ql, qh = b[:, 0:128].astype(np.int32), b[:, 128:192].astype(np.int32)
        sc = b[:, 192:208].view(np.int8).astype(np.float32)
        d = f16(b[:, 208:210])
        out = np.zeros((b.shape[0], 256), np.float32)
        for half in range(2):
            L, H = ql[:, 64 * half:64 * half + 64], qh[:, 32 * half:32 * half + 32]
            q1 = (L[:, 0:32] & 0xF) | (((H >> 0) & 3) << 4)
            q2 = (L[:, 32:64] & 0xF) | (((H >> 2) & 3) << 4)
            q3 = (L[:, 0:32] >> 4) | (((H >> 4) & 3) << 4)
            q4 = (L[:, 32:64] >> 4) | (((H >> 6) & 3) << 4)
            q = np.concatenate([q1, q2, q3, q4], axis=1).astype(np.float32) - 32  # 128 values in order
            s = np.repeat(sc[:, 8 * half:8 * half + 8], 16, axis=1)  # one scale per 16 weights
            out[:, 128 * half:128 * half + 128] = d * s * q
        return out.reshape(-1).astype(np.float64)
    raise ValueError("unsupported type %d" % t)


def quantize_q8_k(x):
    """llama.cpp quantize_row_q8_K: per 256, d = max/-127 with max the first value of largest magnitude."""
    x = x.to(torch.float32).numpy().reshape(-1, 256)
    out = np.zeros_like(x)
    for i, blk in enumerate(x):
        amax_i = int(np.argmax(np.abs(blk)))
        mx = blk[amax_i]
        if mx == 0:
            continue
        iscale = np.float32(-127.0) / np.float32(mx)
        q = np.minimum(np.rint(iscale * blk), 127)
        out[i] = q * (np.float32(1.0) / iscale)
    return torch.from_numpy(out.reshape(-1).astype(np.float64))


def quantize_q8_0(x):
    """llama.cpp x86 quantize_row_q8_0: per 32, d = amax/127 stored as half, q = round-to-even(x * 127/amax)."""
    x = x.to(torch.float32).numpy().reshape(-1, 32)
    amax = np.abs(x).max(axis=1, keepdims=True)
    d = (amax / np.float32(127.0)).astype(np.float16).astype(np.float32)
    with np.errstate(divide="ignore"):
        ids = np.where(amax > 0, np.float32(127.0) / amax, np.float32(0)).astype(np.float32)
    q = np.rint(x * ids)
    return torch.from_numpy((q * d).reshape(-1).astype(np.float64))


class Llama:
    def __init__(self, path, int8=False, kv16=False):
        meta, t, self.types = read_gguf(path)
        self.int8 = int8
        self.kv16 = kv16
        a = meta["general.architecture"]
        self.dim = meta[a + ".embedding_length"]
        self.layers = meta[a + ".block_count"]
        self.heads = meta[a + ".attention.head_count"]
        self.kv_heads = meta.get(a + ".attention.head_count_kv", self.heads)
        self.eps = meta.get(a + ".attention.layer_norm_rms_epsilon", 1e-5)
        self.base = meta.get(a + ".rope.freq_base", 10000.0)
        self.head_dim = self.dim // self.heads
        self.rot = meta.get(a + ".rope.dimension_count", self.head_dim)
        scaling = meta.get(a + ".rope.scaling.type", "none")
        self.freq_scale = 1.0 / meta[a + ".rope.scaling.factor"] if scaling == "linear" else 1.0
        self.t = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in t.items()}
        if "output.weight" not in self.t:
            self.t["output.weight"] = self.t["token_embd.weight"]
            self.types["output.weight"] = self.types["token_embd.weight"]
        self.cache = [([], []) for _ in range(self.layers)]

    def mm(self, x, name):
        """x @ W^T, with llama.cpp's 8-bit activation quantization when emulating the int8 path."""
        t = self.types.get(name, 0)
        if self.int8 and t in (2, 8, 12, 13, 14):
            q = quantize_q8_k if t in (12, 13, 14) else quantize_q8_0
            x = torch.stack([q(row) for row in x])
        return x @ self.t[name].T

    def norm(self, x, w):
        return x * torch.rsqrt((x * x).mean(-1, keepdim=True) + self.eps) * w

    def rope(self, x, pos):
        # x: (T, heads, head_dim); rotate pairs (2i, 2i+1) of the first `rot` dims by pos * base^(-2i/rot)
        i = torch.arange(0, self.rot, 2, dtype=torch.float64)
        theta = pos[:, None].double() * self.freq_scale * self.base ** (-i / self.rot)
        cos, sin = torch.cos(theta)[:, None, :], torch.sin(theta)[:, None, :]
        y = x.clone()
        a, b = x[..., 0:self.rot:2], x[..., 1:self.rot:2]
        y[..., 0:self.rot:2] = a * cos - b * sin
        y[..., 1:self.rot:2] = a * sin + b * cos
        return y

    def forward(self, tokens, start):
        T = len(tokens)
        pos = torch.arange(start, start + T)
        x = self.t["token_embd.weight"][torch.tensor(tokens)]
        group = self.heads // self.kv_heads
        for l in range(self.layers):
            p = "blk.%d." % l
            h = self.norm(x, self.t[p + "attn_norm.weight"])
            q = self.mm(h, p + "attn_q.weight").view(T, self.heads, self.head_dim)
            k = self.mm(h, p + "attn_k.weight").view(T, self.kv_heads, self.head_dim)
            v = self.mm(h, p + "attn_v.weight").view(T, self.kv_heads, self.head_dim)
            q, k = self.rope(q, pos), self.rope(k, pos)
            if self.kv16:
                k, v = k.float().half().double(), v.float().half().double()
            ks, vs = self.cache[l]
            ks.append(k)
            vs.append(v)
            K, V = torch.cat(ks), torch.cat(vs)  # (S, kv_heads, head_dim)
            K, V = K.repeat_interleave(group, dim=1), V.repeat_interleave(group, dim=1)
            scores = torch.einsum("thd,shd->hts", q, K) / self.head_dim ** 0.5
            S = K.shape[0]
            mask = torch.arange(S)[None, :] > (pos[:, None])  # causal: key position <= query position
            scores = scores.masked_fill(mask[None], float("-inf"))
            att = torch.einsum("hts,shd->thd", torch.softmax(scores, dim=-1), V).reshape(T, -1)
            x = x + self.mm(att, p + "attn_output.weight")
            h = self.norm(x, self.t[p + "ffn_norm.weight"])
            g = self.mm(h, p + "ffn_gate.weight")
            u = self.mm(h, p + "ffn_up.weight")
            x = x + self.mm(torch.nn.functional.silu(g) * u, p + "ffn_down.weight")
        return self.mm(self.norm(x, self.t["output_norm.weight"]), "output.weight")


def main():
    job = json.load(open(sys.argv[1]))
    torch.set_num_threads(1)
    for case in job["cases"]:
        m = Llama(case["model"], case.get("int8", False), case.get("kv16", False))
        rows = [m.forward(case["prompt"], 0)]
        n = len(case["prompt"])
        for i, tok in enumerate(case["decode"]):
            rows.append(m.forward([tok], n + i))
        np.concatenate([r.numpy() for r in rows]).astype(np.float32).tofile(case["out"])
    print("ok")


if __name__ == "__main__":
    main()
