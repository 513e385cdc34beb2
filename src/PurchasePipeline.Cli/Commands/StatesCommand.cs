using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.States;
using PurchasePipeline.States.Mocks;
using PurchasePipeline.States.Validation;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>states run|validate|graph</c>: any ASL definition on the embedded engine.</summary>
internal static class StatesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("states", "Run or validate any Amazon States Language definition").With(
            "purchase-pipeline states validate statemachine/purchase-pipeline.asl.json",
            "purchase-pipeline states run statemachine/purchase-pipeline.asl.json --input @event.json --wait-scale 0");
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(StatesGraphCommand.Create(context));
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var definition = new Argument<string>("DEFINITION") { Description = "The definition (.asl.json)" };
        var command = new Command("validate", "Check a definition; every problem is printed with its JSON path") { definition }.With(
            "purchase-pipeline states validate statemachine/purchase-pipeline.asl.json");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(definition)!;
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"{path}: no such file");
                return ExitCodes.BadInput;
            }

            var problems = DefinitionValidator.Validate(File.ReadAllText(path));
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"{path}: {problem}");
            }

            if (problems.Count == 0)
            {
                context.Console.Profile.Out.Writer.WriteLine($"{path}: valid");
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var definition = new Argument<string>("DEFINITION") { Description = "The definition (.asl.json)" };
        var input = new Option<string>("--input") { Description = "Execution input: JSON text, or @FILE", DefaultValueFactory = _ => "{}" };
        var mockConfig = new Option<string?>("--mock-config") { Description = "A Step Functions Local MockConfigFile" };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of the mock config to run" };
        var name = new Option<string?>("--name") { Description = "State machine name in the mock config (default: the file name without .asl.json/.json)" };
        var waitScale = new Option<double>("--wait-scale") { Description = "Multiply Wait and Retry delays (0 makes them instant)", DefaultValueFactory = _ => 1 };
        var command = new Command("run", "Run a definition; tasks from the mock config or the pipeline's handlers") { definition, input, mockConfig, testCase, name, waitScale }.With(
            "purchase-pipeline states run statemachine/purchase-pipeline.asl.json --input @event.json --wait-scale 0",
            "purchase-pipeline states run purchase-pipeline.asl.json --mock-config MockConfigFile.json --test-case HappyPath --name PurchasePipeline");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(definition)!;
            try
            {
                var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
                var host = new PipelineHost(home, context.Time, parse.GetValue(waitScale), show: context.Error.WriteLine);
                var machine = StateMachine.Parse(LocalSettings.Substitute(ReadFile(path, "definition"), host.Substitutions));
                var tasks = Tasks(parse.GetValue(mockConfig), parse.GetValue(testCase), parse.GetValue(name) ?? MachineName(path), host.Tasks);
                var inputNode = JsonNode.Parse(ReadInput(parse.GetValue(input)!));
                var engine = new ExecutionEngine(context.Time, new EngineOptions { WaitScale = parse.GetValue(waitScale) });
                var runName = "states-run-" + Guid.NewGuid().ToString("N")[..8];
                var info = new ExecutionInfo(LocalSettings.ExecutionArn(runName), runName, LocalSettings.StateMachineArn, MachineName(path));
                var result = await engine.RunAsync(machine, inputNode, tasks, info, listener: null, cancellationToken).ConfigureAwait(false);
                var output = result.Status == ExecutionStatus.Succeeded
                    ? result.Output?.ToJsonString() ?? "null"
                    : new JsonObject { ["error"] = result.Error, ["cause"] = result.Cause }.ToJsonString();
                context.Console.Profile.Out.Writer.WriteLine(output);
                return result.Status == ExecutionStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (DefinitionException e)
            {
                await context.Error.WriteLineAsync($"{path}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is MockConfigException or JsonException or UsageException)
            {
                await context.Error.WriteLineAsync(e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static ITaskInvoker Tasks(string? mockConfig, string? testCase, string machineName, ITaskInvoker bound)
    {
        if (mockConfig is null)
        {
            return testCase is null ? bound : throw new UsageException("--test-case needs --mock-config");
        }

        if (testCase is null)
        {
            throw new UsageException("--mock-config needs --test-case");
        }

        var config = MockConfig.Parse(ReadFile(mockConfig, "mock config"));
        try
        {
            return config.CreateInvoker(machineName, testCase, bound);
        }
        catch (MockConfigException e)
        {
            throw new UsageException($"{mockConfig}: {e.Message}");
        }
    }

    /// <summary>The state machine name a mock config is looked up under: the file name without .asl.json or .json.</summary>
    public static string MachineName(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var suffix in new[] { ".asl.json", ".json" })
        {
            if (file.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return file[..^suffix.Length];
            }
        }

        return file;
    }

    private static string ReadInput(string value) => value.StartsWith('@') ? ReadFile(value[1..], "input") : value;

    private static string ReadFile(string path, string what) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"{path}: no such {what} file");

    /// <summary>A bad argument: one line on stderr, exit 2.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
