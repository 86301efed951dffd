using System.Diagnostics;
using System.Globalization;
using Batuta.Gpu.Checks;
using Batuta.Tensors.Gpu;
using ILGPU.Runtime.Cuda;

// Batuta's GPU suite, for a machine with a GPU and a .NET runtime (no SDK needed):
//   dotnet Batuta.Gpu.Checks.dll [--device cuda|opencl|gpu|cpu] [--out DIR] [--quick] [--no-tests] [--no-bench] [--no-theories] [--filter TEXT] [--theory-seconds 120]
// Runs the GPU [Fact]s of Batuta.Tensor.Tests and the generator run-time tests on the device
// (BATUTA_TEST_GPU=<device>), issue 5's benchmarks, then the backend-parameterised theories of
// Batuta.Tensor.Tests with the GPU backend. Exit code: 0 all passed, 1 failures, 2 no such device.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string kind = "cuda";
string outDir = Environment.GetEnvironmentVariable("OUT") is { Length: > 0 } o ? o : "gpu-checks-out";
bool quick = false, tests = true, bench = true, theories = true;
string? filter = null;
double theoryBudget = 120;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--device": kind = args[++i]; break;
        case "--out": outDir = args[++i]; break;
        case "--quick": quick = true; break;
        case "--no-tests": tests = false; break;
        case "--no-bench": bench = false; break;
        case "--no-theories": theories = false; break;
        case "--filter": filter = args[++i]; break;
        case "--theory-seconds": theoryBudget = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}
Directory.CreateDirectory(outDir);
Environment.SetEnvironmentVariable("BATUTA_TEST_GPU", kind);
var log = Console.Out;
var total = Stopwatch.StartNew();

GpuDevice device;
try
{
    device = Batuta.Tensors.Tests.Support.SharedGpu.Device;
}
catch (Exception ex)
{
    log.WriteLine($"no GPU: {ex.Message}");
    File.WriteAllText(Path.Combine(outDir, "summary.md"), $"no GPU: {ex.Message}\n");
    return 2;
}

string info = $"device: {device} ({device.Type}); ILGPU {typeof(ILGPU.Context).Assembly.GetName().Version}; .NET {Environment.Version}; {Environment.ProcessorCount} CPUs";
if (device.Accelerator is CudaAccelerator cuda)
    info += $"; CUDA driver {cuda.DriverVersion}, {cuda.Architecture}, PTX {cuda.InstructionSet}, {cuda.NumMultiprocessors} SMs";
log.WriteLine(info);
File.WriteAllText(Path.Combine(outDir, "summary.md"), info + "\n");
int failures = 0;

if (tests)
{
    log.WriteLine("== GPU facts on the device");
    var runner = new TestRunner(log, filter);
    runner.RunFacts(typeof(Batuta.Tensors.Tests.GpuBackendTests));
    runner.RunFacts(typeof(Batuta.Tensors.Tests.BackendSelectorTests));
    failures += runner.Results.Count(r => !r.Passed);
    File.WriteAllText(Path.Combine(outDir, "tests.md"), runner.Markdown($"GPU facts on {device.Name}"));
}

if (bench)
{
    log.WriteLine("== benchmarks");
    GpuDevice.Current = device;
    new Benchmarks(device, log, quick, Path.Combine(outDir, "bench.md")).Run();
}

if (tests)
{
    log.WriteLine("== generated [Kernel] run-time tests on the device (a fresh device per test)");
    var runner = new TestRunner(log, filter);
    runner.RunFacts(typeof(Batuta.Generators.Tests.Kernels.Runtime.KernelRuntimeTests), Batuta.Generators.Tests.Kernels.Runtime.KernelPaths.ResetDevice);
    runner.RunFacts(typeof(Batuta.Generators.Tests.Kernels.Runtime.GpuMathTests), Batuta.Generators.Tests.Kernels.Runtime.KernelPaths.ResetDevice);
    Batuta.Generators.Tests.Kernels.Runtime.KernelPaths.ResetDevice();
    failures += runner.Results.Count(r => !r.Passed);
    File.WriteAllText(Path.Combine(outDir, "kernel-tests.md"), runner.Markdown($"Generated [Kernel] run-time tests on {device.Name}"));
}

if (theories)
{
    GpuDevice.Current = device;
    string backend = Batuta.Tensors.Tests.Support.Backend.Gpu.Name;
    log.WriteLine($"== backend theories with {backend}");
    var runner = new TestRunner(log, filter) { Deadline = Stopwatch.StartNew(), Budget = TimeSpan.FromSeconds(theoryBudget) };
    foreach (var type in new[]
             {
                 typeof(Batuta.Tensors.Tests.ElementWiseTests), typeof(Batuta.Tensors.Tests.ReductionTests), typeof(Batuta.Tensors.Tests.MatMulTests),
                 typeof(Batuta.Tensors.Tests.ActivationTests), typeof(Batuta.Tensors.Tests.CustomOperatorTests), typeof(Batuta.Tensors.Tests.LayoutSweepTests),
             })
        runner.RunBackendTheories(type, backend);
    failures += runner.Results.Count(r => !r.Passed);
    File.WriteAllText(Path.Combine(outDir, "theories.md"), runner.Markdown($"Backend theories with {backend}"));
}

log.WriteLine($"== done in {total.Elapsed.TotalSeconds:F1} s, {failures} failure(s)");
File.AppendAllText(Path.Combine(outDir, "summary.md"), $"done in {total.Elapsed.TotalSeconds:F1} s, {failures} failure(s)\n");
return failures == 0 ? 0 : 1;
