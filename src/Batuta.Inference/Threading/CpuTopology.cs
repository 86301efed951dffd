using System.Globalization;

namespace Batuta.Inference.Threading;

/// <summary>
/// Physical core count: SMT siblings share one core's SIMD units, so a compute-bound kernel gains
/// nothing from a second thread per core. Read from Linux sysfs; elsewhere the logical count is used.
/// </summary>
public static class CpuTopology
{
    private static readonly Lazy<int> Physical = new(Detect);

    public static int PhysicalCores => Physical.Value;

    private static int Detect()
    {
        int logical = Environment.ProcessorCount;
        try
        {
            const string root = "/sys/devices/system/cpu";
            if (!Directory.Exists(root)) return logical;
            var cores = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dir in Directory.EnumerateDirectories(root, "cpu*"))
            {
                var name = Path.GetFileName(dir);
                if (name.Length <= 3 || !int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
                var siblings = Path.Combine(dir, "topology", "thread_siblings_list");
                var package = Path.Combine(dir, "topology", "physical_package_id");
                if (!File.Exists(siblings)) continue;
                string pkg = File.Exists(package) ? File.ReadAllText(package).Trim() : "0";
                cores.Add(pkg + ":" + File.ReadAllText(siblings).Trim());
            }
            // The process may be limited to fewer CPUs than the machine has (containers, affinity).
            return cores.Count == 0 ? logical : Math.Max(1, Math.Min(cores.Count, logical));
        }
        catch (IOException)
        {
            return logical;
        }
        catch (UnauthorizedAccessException)
        {
            return logical;
        }
    }
}
