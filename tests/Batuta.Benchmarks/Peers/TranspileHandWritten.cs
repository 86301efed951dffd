namespace Batuta.Benchmarks.Peers;

/// <summary>
/// Hand-written, idiomatic C# versions of the six CPU-bound programs in
/// tests/Batuta.Transpiler.Tests/Corpus/bench_*.py: the bar the migrated code is held to (within 1.5×).
/// Each returns a checksum so the work cannot be optimised away.
/// </summary>
public static class TranspileHandWritten
{
    public static double NBody(int steps)
    {
        const double pi = 3.14159265358979323, solarMass = 4 * pi * pi, daysPerYear = 365.24;
        var b = new[]
        {
            new Body(0, 0, 0, 0, 0, 0, solarMass),
            new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear, -6.90460016972063023e-05 * daysPerYear, 9.54791938424326609e-04 * solarMass),
            new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear, 2.30417297573763929e-05 * daysPerYear, 2.85885980666130812e-04 * solarMass),
            new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear, -2.96589568540237556e-05 * daysPerYear, 4.36624404335156298e-05 * solarMass),
            new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear, -9.51592254519715870e-05 * daysPerYear, 5.15138902046611451e-05 * solarMass),
        };
        double px = 0, py = 0, pz = 0;
        foreach (var x in b) { px += x.Vx * x.Mass; py += x.Vy * x.Mass; pz += x.Vz * x.Mass; }
        b[0].Vx = -px / solarMass; b[0].Vy = -py / solarMass; b[0].Vz = -pz / solarMass;
        double e0 = Energy(b);
        const double dt = 0.01;
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < b.Length; i++)
            {
                var bi = b[i];
                for (int j = i + 1; j < b.Length; j++)
                {
                    var bj = b[j];
                    double dx = bi.X - bj.X, dy = bi.Y - bj.Y, dz = bi.Z - bj.Z;
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.Sqrt(d2));
                    bi.Vx -= dx * bj.Mass * mag; bi.Vy -= dy * bj.Mass * mag; bi.Vz -= dz * bj.Mass * mag;
                    bj.Vx += dx * bi.Mass * mag; bj.Vy += dy * bi.Mass * mag; bj.Vz += dz * bi.Mass * mag;
                }
            }
            foreach (var x in b) { x.X += dt * x.Vx; x.Y += dt * x.Vy; x.Z += dt * x.Vz; }
        }
        return e0 + Energy(b);
    }

    private sealed class Body(double x, double y, double z, double vx, double vy, double vz, double mass)
    {
        public double X = x, Y = y, Z = z, Vx = vx, Vy = vy, Vz = vz;
        public readonly double Mass = mass;
    }

    private static double Energy(Body[] b)
    {
        double e = 0;
        for (int i = 0; i < b.Length; i++)
        {
            e += 0.5 * b[i].Mass * (b[i].Vx * b[i].Vx + b[i].Vy * b[i].Vy + b[i].Vz * b[i].Vz);
            for (int j = i + 1; j < b.Length; j++)
            {
                double dx = b[i].X - b[j].X, dy = b[i].Y - b[j].Y, dz = b[i].Z - b[j].Z;
                e -= b[i].Mass * b[j].Mass / Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    public static double SpectralNorm(int n)
    {
        var u = new double[n];
        var v = new double[n];
        var tmp = new double[n];
        Array.Fill(u, 1.0);
        for (int i = 0; i < 10; i++)
        {
            MulAtAv(u, v, tmp);
            MulAtAv(v, u, tmp);
        }
        double vbv = 0, vv = 0;
        for (int i = 0; i < n; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
        return Math.Sqrt(vbv / vv);
    }

    private static double A(long i, long j) => 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);

    private static void MulAtAv(double[] v, double[] outv, double[] tmp)
    {
        int n = v.Length;
        for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < n; j++) s += A(i, j) * v[j]; tmp[i] = s; }
        for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < n; j++) s += A(j, i) * tmp[j]; outv[i] = s; }
    }

    public static (int Checksum, int MaxFlips) Fannkuch(int n)
    {
        var perm1 = new int[n];
        for (int i = 0; i < n; i++) perm1[i] = i;
        var count = new int[n];
        var perm = new int[n];
        int maxFlips = 0, checksum = 0, r = n, permCount = 0;
        while (true)
        {
            while (r != 1) { count[r - 1] = r; r--; }
            Array.Copy(perm1, perm, n);
            int flips = 0;
            int k = perm[0];
            while (k != 0)
            {
                for (int i = 0, j = k; i < j; i++, j--) (perm[i], perm[j]) = (perm[j], perm[i]);
                flips++;
                k = perm[0];
            }
            if (flips > maxFlips) maxFlips = flips;
            checksum += permCount % 2 == 0 ? flips : -flips;
            while (true)
            {
                if (r == n) return (checksum, maxFlips);
                int perm0 = perm1[0];
                for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
                perm1[r] = perm0;
                if (--count[r] > 0) break;
                r++;
            }
            permCount++;
        }
    }

    private sealed class Node(Node? left, Node? right)
    {
        public readonly Node? Left = left, Right = right;
    }

    private static Node MakeTree(int depth) => depth == 0 ? new Node(null, null) : new Node(MakeTree(depth - 1), MakeTree(depth - 1));

    private static int Check(Node n) => n.Left is null ? 1 : 1 + Check(n.Left) + Check(n.Right!);

    public static long BinaryTrees(int n)
    {
        const int minDepth = 4;
        int maxDepth = Math.Max(minDepth + 2, n);
        long total = Check(MakeTree(maxDepth + 1));
        var longLived = MakeTree(maxDepth);
        for (int depth = minDepth; depth <= maxDepth; depth += 2)
        {
            int iterations = 1 << (maxDepth - depth + minDepth);
            long check = 0;
            for (int i = 0; i < iterations; i++) check += Check(MakeTree(depth));
            total += check;
        }
        return total + Check(longLived);
    }

    public static long Mandelbrot(int size)
    {
        long total = 0;
        for (int y = 0; y < size; y++)
        {
            double ci = 2.0 * y / size - 1.0;
            int byteAcc = 0, bit = 0;
            for (int x = 0; x < size; x++)
            {
                double cr = 2.0 * x / size - 1.5, zr = 0, zi = 0;
                bool escaped = false;
                for (int i = 0; i < 50; i++)
                {
                    double tr = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = tr;
                    if (zr * zr + zi * zi > 4.0) { escaped = true; break; }
                }
                byteAcc = (byteAcc << 1) | (escaped ? 0 : 1);
                if (++bit == 8) { total = (total * 31 + byteAcc) % 1000000007; byteAcc = 0; bit = 0; }
            }
            if (bit > 0) { byteAcc <<= 8 - bit; total = (total * 31 + byteAcc) % 1000000007; }
        }
        return total;
    }

    public static long NSieve(int n)
    {
        long sum = 0;
        for (int k = 0; k < 3; k++)
        {
            int m = (1 << (n - k)) * 10000;
            var flags = new bool[m];
            Array.Fill(flags, true);
            int count = 0;
            for (int i = 2; i < m; i++)
            {
                if (!flags[i]) continue;
                for (int j = i + i; j < m; j += i) flags[j] = false;
                count++;
            }
            sum += count;
        }
        return sum;
    }
}
