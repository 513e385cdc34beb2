using System.Diagnostics;
using System.Text.Json.Nodes;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// Runs tests/PurchasePipeline.Glue.Tests/scripts/check_athena_unnest.py (sqlglot, from apt's python3-sqlglot)
/// over a synthesized template and glue/validation: the UNNESTs of the Athena SQL against the Glue tables'
/// declared column types. A missing interpreter or module fails the test, never skips it.
/// </summary>
internal static class AthenaUnnestCheck
{
    private const string Interpreter = "/usr/bin/python3";

    private static readonly string Script =
        Path.Combine(Synth.Files.Root, "tests", "PurchasePipeline.Glue.Tests", "scripts", "check_athena_unnest.py");

    public static (int ExitCode, string Output) Run(JsonObject template)
    {
        var folder = Directory.CreateTempSubdirectory("infra-unnest-");
        try
        {
            var file = Path.Combine(folder.FullName, "template.json");
            File.WriteAllText(file, template.ToJsonString());
            return RunPython(file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) RunPython(string file)
    {
        var start = new ProcessStartInfo(Interpreter);
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(Path.Combine(Synth.Files.Root, "glue", "validation"));
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var (exitCode, stdout, stderr) = TestTools.Run(start, "sqlglot");
        return (exitCode, stderr + stdout);
    }
}
