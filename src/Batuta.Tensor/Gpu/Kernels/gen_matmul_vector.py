# Generates MatMulVectorKernels.cs: float4 register-blocked SGEMM variants for ILGPU.
import sys
out = []
w = out.append

def kernel(name, bk, db, doc):
    a_f4_per_thread = bk * 128 // 4 // 256   # Float4 loads of A per thread per k-tile
    b_f4_per_thread = bk * 128 // 4 // 256
    stages = 2 if db else 1
    w(f"    /// <summary>{doc}</summary>")
    w(f"    public static void {name}(ArrayView<Float4> a, ArrayView<Float4> b, ArrayView<Float4> c, int m, int n, int k)")
    w("    {")
    w(f"        const int Bk = {bk};")
    w(f"        var tileA = SharedMemory.Allocate<Float4>({stages} * Bk * StrideA4);")
    w(f"        var tileB = SharedMemory.Allocate<Float4>({stages} * Bk * StrideB4);")
    w("        var tileAf = tileA.Cast<float>();")
    w("        int tx = Group.IdxX, ty = Group.IdxY;")
    w("        int tid = ty * ThreadsPerSide + tx;")
    w("        int rowBase = Grid.IdxY * Tile, colBase = Grid.IdxX * Tile;")
    w("        int k4 = k >> 2, n4 = n >> 2;")
    for i in range(8):
        w("        float " + ", ".join(f"c{i}{j} = 0" for j in range(8)) + ";")
    # per-thread load coordinates
    for r in range(a_f4_per_thread):
        w(f"        int aIdx{r} = tid + {r * 256}, aRow{r} = aIdx{r} / (Bk / 4), aK{r} = (aIdx{r} % (Bk / 4)) * 4;")
        w(f"        bool aIn{r} = rowBase + aRow{r} < m;")
        w(f"        int aOff{r} = (rowBase + aRow{r}) * k4 + (aK{r} >> 2);")
    for r in range(b_f4_per_thread):
        w(f"        int bIdx{r} = tid + {r * 256}, bK{r} = bIdx{r} / 32, bC{r} = bIdx{r} % 32;")
        w(f"        bool bIn{r} = colBase + bC{r} * 4 < n;")
        w(f"        int bOff{r} = bK{r} * n4 + (colBase >> 2) + bC{r};")
    def load(prefix, k0expr):
        for r in range(a_f4_per_thread):
            w(f"{prefix}Float4 pa{r} = aIn{r} && {k0expr} + aK{r} < k ? a[aOff{r} + ({k0expr} >> 2)] : default;")
        for r in range(b_f4_per_thread):
            w(f"{prefix}Float4 pb{r} = bIn{r} && {k0expr} + bK{r} < k ? b[bOff{r} + ({k0expr}) * n4] : default;")
    def store(prefix, stageexpr):
        for r in range(a_f4_per_thread):
            w(f"{prefix}{{")
            w(f"{prefix}    int o = {stageexpr} * Bk * StrideA + aK{r} * StrideA + aRow{r};")
            w(f"{prefix}    tileAf[o] = pa{r}.X; tileAf[o + StrideA] = pa{r}.Y; tileAf[o + 2 * StrideA] = pa{r}.Z; tileAf[o + 3 * StrideA] = pa{r}.W;")
            w(f"{prefix}}}")
        for r in range(b_f4_per_thread):
            w(f"{prefix}tileB[{stageexpr} * Bk * StrideB4 + bK{r} * StrideB4 + bC{r}] = pb{r};")
    def compute(prefix, stageexpr):
        w(f"{prefix}int sa = {stageexpr} * Bk * StrideA4 + ty, sb = {stageexpr} * Bk * StrideB4 + tx;")
        for kk in range(bk):
            w(f"{prefix}{{")
            w(f"{prefix}    Float4 al = tileA[sa + {kk} * StrideA4], ah = tileA[sa + {kk} * StrideA4 + 16];")
            w(f"{prefix}    Float4 bl = tileB[sb + {kk} * StrideB4], bh = tileB[sb + {kk} * StrideB4 + 16];")
            av = ["al.X", "al.Y", "al.Z", "al.W", "ah.X", "ah.Y", "ah.Z", "ah.W"]
            bv = ["bl.X", "bl.Y", "bl.Z", "bl.W", "bh.X", "bh.Y", "bh.Z", "bh.W"]
            for i in range(8):
                w(f"{prefix}    " + " ".join(f"c{i}{j} += {av[i]} * {bv[j]};" for j in range(8)))
            w(f"{prefix}}}")
    if db:
        w("        int tiles = (k + Bk - 1) / Bk;")
        w("        {")
        load("            ", "0")
        store("            ", "0")
        w("        }")
        w("        Group.Barrier();")
        w("        for (int t = 0; t < tiles; t++)")
        w("        {")
        w("            int cur = t & 1;")
        w("            int next = (t + 1) * Bk;")
        w("            bool more = t + 1 < tiles;")
        for r in range(a_f4_per_thread):
            w(f"            Float4 pa{r} = more && aIn{r} && next + aK{r} < k ? a[aOff{r} + (next >> 2)] : default;")
        for r in range(b_f4_per_thread):
            w(f"            Float4 pb{r} = more && bIn{r} && next + bK{r} < k ? b[bOff{r} + next * n4] : default;")
        compute("            ", "cur")
        w("            if (more)")
        w("            {")
        store("                ", "(cur ^ 1)")
        w("            }")
        w("            Group.Barrier();")
        w("        }")
    else:
        w("        for (int k0 = 0; k0 < k; k0 += Bk)")
        w("        {")
        load("            ", "k0")
        store("            ", "0")
        w("            Group.Barrier();")
        compute("            ", "0")
        w("            Group.Barrier();")
        w("        }")
    # store C
    w("        int r0 = rowBase + ty * 4, q0 = colBase + tx * 4;")
    w("        bool qlo = q0 < n, qhi = q0 + 64 < n;")
    for i in range(8):
        rexpr = f"r0 + {i}" if i < 4 else f"r0 + {64 + i - 4}"
        w(f"        if ({rexpr} < m)")
        w("        {")
        w(f"            int o = ({rexpr}) * n4 + (q0 >> 2);")
        w(f"            if (qlo) c[o] = new Float4(c{i}0, c{i}1, c{i}2, c{i}3);")
        w(f"            if (qhi) c[o + 16] = new Float4(c{i}4, c{i}5, c{i}6, c{i}7);")
        w("        }")
    w("    }")
    w("")

w("// <auto-generated> by the script in the comment below; edit the script, not this file. </auto-generated>")
w("// Regenerate: python3 src/Batuta.Tensor/Gpu/Kernels/gen_matmul_vector.py > src/Batuta.Tensor/Gpu/Kernels/MatMulVectorKernels.cs")
w("using ILGPU;")
w("using ILGPU.Util;")
w("")
w("namespace Batuta.Tensors.Gpu.Kernels;")
w("")
w("/// <summary>")
w("/// float32 matmul kernels with 128-bit loads (ILGPU turns <see cref=\"Float4\"/> loads and stores into")
w("/// ld/st .v4.f32). C = A·B, row-major, k and n multiples of 4 (the views are reinterpreted as Float4).")
w("/// A group of 16×16 threads computes a 128×128 tile of C; each thread an 8×8 block made of four 4×4")
w("/// blocks 64 rows/columns apart, so its shared-memory reads are two float4 of A and two float4 of B per")
w("/// k step, conflict-free (a warp reads 16 consecutive float4 of B and broadcasts two of A). A is")
w("/// stored transposed in shared memory with rows padded to 132 floats (conflict-free transposing")
w("/// stores); 32-bit index arithmetic (the launcher checks every offset fits).")
w("/// </summary>")
w("internal static class MatMulVectorKernels")
w("{")
w("    public const int Tile = 128;")
w("    public const int ThreadsPerSide = 16;")
w("    private const int StrideA = Tile + 4, StrideA4 = StrideA / 4, StrideB4 = Tile / 4;")
w("")
kernel("Float4Bk8", 8, False, "float4 loads, 8-deep k slices, one shared stage (two barriers per slice).")
kernel("Float4Bk8DoubleBuffered", 8, True, "float4 loads, 8-deep k slices, two shared stages: the next slice is fetched into registers while this one is computed (one barrier per slice).")
kernel("Float4Bk16DoubleBuffered", 16, True, "float4 loads, 16-deep k slices, two shared stages (one barrier per 16 k steps).")
w("}")
print("\n".join(out))
