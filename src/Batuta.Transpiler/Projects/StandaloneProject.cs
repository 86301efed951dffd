using System.Text;

namespace Batuta.Transpiler.Projects
{
    /// <summary>
    /// The files of a standalone, buildable C# project around transpiled code (the "eject" path and
    /// <c>batuta run</c>'s cache): a csproj referencing the runtime DLL from <c>lib/</c>, the generated
    /// sources under <c>src/</c>, and a README. Pure: the caller writes the files and copies the runtime.
    /// </summary>
    public static class StandaloneProject
    {
        public const string RuntimeAssembly = "Batuta.Python.Runtime.dll";

        public static IReadOnlyList<GeneratedFile> Create(string projectName, TranspileResult result, string entryModule)
        {
            var files = new List<GeneratedFile>
            {
                new GeneratedFile(projectName + ".csproj", Csproj(projectName)),
                new GeneratedFile("README.md", Readme(projectName, entryModule)),
            };
            foreach (var f in result.Files) files.Add(new GeneratedFile("src/" + f.Path, f.Text));
            return files;
        }

        public static string Csproj(string projectName)
        {
            var sb = new StringBuilder();
            sb.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n");
            sb.Append("  <!-- Ejected from Python by Batuta: this C# is yours now. -->\n");
            sb.Append("  <PropertyGroup>\n");
            sb.Append("    <OutputType>Exe</OutputType>\n");
            sb.Append("    <TargetFramework>net10.0</TargetFramework>\n");
            sb.Append("    <Nullable>enable</Nullable>\n");
            sb.Append("    <ImplicitUsings>disable</ImplicitUsings>\n");
            sb.Append("    <LangVersion>latest</LangVersion>\n");
            sb.Append("    <InvariantGlobalization>true</InvariantGlobalization>\n");
            sb.Append("    <TieredPGO>true</TieredPGO>\n");
            sb.Append("    <AssemblyName>").Append(projectName).Append("</AssemblyName>\n");
            sb.Append("    <RootNamespace>").Append(projectName).Append("</RootNamespace>\n");
            sb.Append("  </PropertyGroup>\n");
            sb.Append("  <ItemGroup>\n");
            sb.Append("    <Reference Include=\"Batuta.Python.Runtime\">\n");
            sb.Append("      <HintPath>lib/").Append(RuntimeAssembly).Append("</HintPath>\n");
            sb.Append("    </Reference>\n");
            sb.Append("  </ItemGroup>\n");
            sb.Append("</Project>\n");
            return sb.ToString();
        }

        private static string Readme(string projectName, string entryModule) =>
            $"# {projectName}\n\nC# migrated from Python by Batuta (entry module `{entryModule}`).\n\n" +
            "```\ndotnet build -c Release\ndotnet bin/Release/net10.0/" + projectName + ".dll [args]\n```\n\n" +
            "`lib/Batuta.Python.Runtime.dll` carries Python's semantics (int, str, list, dict, exceptions, builtins).\n";

        /// <summary>A C# identifier for a project made from a path (e.g. <c>my-tool.py</c> → <c>MyTool</c>).</summary>
        public static string ProjectName(string path)
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));
            var sb = new StringBuilder();
            bool up = true;
            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c)) { up = true; continue; }
                sb.Append(up ? char.ToUpperInvariant(c) : c);
                up = false;
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, "App");
            return sb.ToString();
        }
    }
}
