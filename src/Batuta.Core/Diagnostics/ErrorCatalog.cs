namespace Batuta.Core.Diagnostics;

/// <summary>
/// Every Batuta error code, in one place. <c>docs/error-codes.md</c> is checked against this list by
/// a test, so a code cannot ship undocumented. Letters: A analysis, T transpilation, O optimization,
/// V validation, B build/deployment, Q quality gates and workflow state.
/// </summary>
public static class ErrorCatalog
{
    // Analysis
    public static readonly ErrorDefinition SourceRootMissing = new("BATUTA-A-001", "Source root not found", DiagnosticSeverity.Error,
        "The legacy source folder '{0}' does not exist.",
        "Set <BatutaSourceRoot> in the project to the folder that holds the legacy sources (default: legacy/).");
    public static readonly ErrorDefinition NoSources = new("BATUTA-A-002", "No source files", DiagnosticSeverity.Error,
        "No source files were found under '{0}'.",
        "Put the legacy program (.py, .sh, .c files) under the source root, or point <BatutaSourceRoot> at it.");
    public static readonly ErrorDefinition SourceUnreadable = new("BATUTA-A-003", "Source file unreadable", DiagnosticSeverity.Error,
        "'{0}' could not be read: {1}",
        "Check the file's permissions; Batuta only reads legacy sources and never changes them.");
    public static readonly ErrorDefinition SourceNotParsed = new("BATUTA-A-004", "Source file not parsed", DiagnosticSeverity.Warning,
        "{0}; complexity and imports of this file are not measured.",
        "Fix the syntax error (python3 -m py_compile <file> shows CPython's view); Transpilation will stop on it.");
    public static readonly ErrorDefinition TdgBelowGate = new("BATUTA-A-005", "Technical-debt grade below the gate", DiagnosticSeverity.Error,
        "The technical-debt grade is {0} ({1:0.0}/100), below the {2} gate of {3} for Jidoka mode '{4}'.",
        "Reduce complexity in the files the analysis lists, or relax <BatutaJidokaMode>.");

    // Transpilation
    public static readonly ErrorDefinition NoTranspiler = new("BATUTA-T-001", "No transpiler for the language", DiagnosticSeverity.Error,
        "No transpiler is available for {0} yet ({1} file(s), entry point '{2}').",
        "Batuta transpiles Python; C and shell support are planned. Keep this phase off with <BatutaEnableTranspilation>false</BatutaEnableTranspilation> meanwhile.");
    public static readonly ErrorDefinition SyntaxError = new("BATUTA-T-002", "Syntax error in a legacy source", DiagnosticSeverity.Error,
        "{0}",
        "Fix the source so CPython accepts it (python3 -m py_compile <file>), then rebuild.");
    public static readonly ErrorDefinition DynamicFallback = new("BATUTA-T-003", "Type not inferred: dynamic fallback", DiagnosticSeverity.Warning,
        "{0}",
        "Add a type annotation to let the transpiler emit a static C# type.");
    public static readonly ErrorDefinition UnsupportedConstruct = new("BATUTA-T-004", "Unsupported construct", DiagnosticSeverity.Warning,
        "{0}",
        "The generated C# throws NotSupportedException at this point; rewrite the construct (see docs/python-subset.md).");
    public static readonly ErrorDefinition UnknownModule = new("BATUTA-T-005", "Unknown module", DiagnosticSeverity.Warning,
        "{0}",
        "Only project modules and the supported standard library and numpy/scikit-learn subsets are mapped (docs/python-subset.md); other imports become dynamic values.");
    public static readonly ErrorDefinition LanguageSkipped = new("BATUTA-T-007", "Files left untranspiled", DiagnosticSeverity.Warning,
        "{0} file(s) in {1} are not transpiled: no transpiler for {1}, and the entry point does not need them.",
        "They stay as they are; migrate them by hand or wait for the {1} transpiler.");
    public static readonly ErrorDefinition EntryPointMissing = new("BATUTA-T-006", "Entry point not found", DiagnosticSeverity.Error,
        "The entry point '{0}' was not found.",
        "Set <BatutaEntryPoint> to the script that starts the program (relative to the project), e.g. legacy/main.py.");

    public static readonly ErrorDefinition TranspilerInternal = new("BATUTA-T-099", "Internal transpiler error", DiagnosticSeverity.Error,
        "{0}",
        "This is a Batuta bug: please report it with the Python source. The rest of the module was not affected.");

    // Optimization
    public static readonly ErrorDefinition GpuRequired = new("BATUTA-O-001", "GPU required but unavailable", DiagnosticSeverity.Error,
        "<BatutaGpu> is 'required' but no GPU backend is available on this machine ({0}).",
        "Use <BatutaGpu>auto</BatutaGpu> to fall back to SIMD on the CPU, or build on a machine with a CUDA/OpenCL device.");

    // Validation
    public static readonly ErrorDefinition OutputMismatch = new("BATUTA-V-001", "Migrated output differs from the original", DiagnosticSeverity.Error,
        "The migrated program's {0} differs from the original's.\n{1}",
        "The diff shows '-' for CPython and '+' for the migrated program. Fix the transpiler mapping or the source, then rebuild.");
    public static readonly ErrorDefinition OriginalFailedToRun = new("BATUTA-V-002", "Original program could not run", DiagnosticSeverity.Error,
        "The original program could not be run with '{0}': {1}",
        "Install the interpreter (./build.sh setup installs Debian's python3 with numpy and scikit-learn) or set <BatutaPythonPath>.");
    public static readonly ErrorDefinition TraceDivergence = new("BATUTA-V-003", "File access differs from the original", DiagnosticSeverity.Error,
        "The programs touched different files.\n{0}",
        "The migrated program must open and write the same files; compare the strace logs under obj/batuta/validation/.");
    public static readonly ErrorDefinition MigratedMissing = new("BATUTA-V-004", "Migrated program not built", DiagnosticSeverity.Error,
        "The migrated program '{0}' does not exist.",
        "Build the project first (dotnet build), then validate.");
    public static readonly ErrorDefinition ValidationTimeout = new("BATUTA-V-005", "Program timed out", DiagnosticSeverity.Error,
        "The {0} program did not finish within {1} s and was stopped.",
        "Raise <BatutaValidationTimeout> (seconds) or give the program smaller validation inputs.");
    public static readonly ErrorDefinition VacuousValidation = new("BATUTA-V-006", "Validation compared usage errors", DiagnosticSeverity.Warning,
        "The original program printed only a usage error and exited with code {0} with the validation arguments '{1}', so Validation compared two usage errors.",
        "Check <BatutaValidationArgs> (arguments are separated by ';') and <BatutaValidationStdin>: the original should run its normal path. If a failing run is what you mean to compare, suppress this with Jidoka mode relaxed or standard.");

    // Build / deployment
    public static readonly ErrorDefinition PublishOutputMissing = new("BATUTA-B-001", "Publish output missing", DiagnosticSeverity.Error,
        "The publish folder '{0}' has no output.",
        "Run dotnet publish (or dotnet pack) on the project; Deployment records what publish produced.");
    public static readonly ErrorDefinition DeploymentSmokeFailed = new("BATUTA-B-002", "Published program does not run", DiagnosticSeverity.Error,
        "The published program '{0}' failed its smoke run: {1}",
        "Check the publish settings (self-contained, single-file, trimming); a trimmed build may drop code the program needs.");

    // Quality gates and workflow state
    public static readonly ErrorDefinition PredecessorIncomplete = new("BATUTA-Q-001", "Jidoka stop: the previous phase is not Completed", DiagnosticSeverity.Error,
        "{0} cannot start: {1} is {2}.",
        "Fix {1} first (batuta status shows its error), then rebuild; phases run strictly in order.");
    public static readonly ErrorDefinition StateCorrupt = new("BATUTA-Q-002", "Corrupt state file", DiagnosticSeverity.Error,
        "The state file '{0}' is unusable: {1}.",
        "Run 'batuta reset --yes <project>' (or delete the file) to start the phases over; legacy sources are never touched.");
    public static readonly ErrorDefinition StateLocked = new("BATUTA-Q-003", "State file locked", DiagnosticSeverity.Error,
        "Another build held '{0}' for longer than {1}.",
        "Wait for the other build of this project to finish, or stop it; the lock is released when that process ends.");
    public static readonly ErrorDefinition StateUnreadable = new("BATUTA-Q-004", "State file unreadable", DiagnosticSeverity.Error,
        "The state file '{0}' could not be read: {1}",
        "Check the project folder's permissions.");
    public static readonly ErrorDefinition StateUnwritable = new("BATUTA-Q-005", "State file unwritable", DiagnosticSeverity.Error,
        "The state file '{0}' could not be written: {1}",
        "Check free disk space and the project folder's permissions; the previous state file was kept intact.");
    public static readonly ErrorDefinition InvalidSetting = new("BATUTA-Q-006", "Invalid Batuta setting", DiagnosticSeverity.Error,
        "{0} has the invalid value '{1}'; expected {2}.",
        "Correct the property in the project file (see README: Using the SDK).");
    public static readonly ErrorDefinition PhaseCrashed = new("BATUTA-Q-007", "Internal error in a phase", DiagnosticSeverity.Error,
        "{0} stopped on an internal error: {1}",
        "This is a Batuta bug: please report it with the build log. The state file records the phase as Failed; rebuild to retry.");

    public static IReadOnlyList<ErrorDefinition> All { get; } =
        typeof(ErrorCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorDefinition))
            .Select(f => (ErrorDefinition)f.GetValue(null).OrThrow())
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
