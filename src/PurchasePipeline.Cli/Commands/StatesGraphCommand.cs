using System.CommandLine;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Functions;
using PurchasePipeline.States;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>states graph DEFINITION [--execution ID] --format svg|mermaid|dot</c>: the state machine as a picture on stdout.</summary>
internal static class StatesGraphCommand
{
    public static readonly string[] Formats = ["svg", "mermaid", "dot"];

    public static Command Create(CliContext context)
    {
        var definition = new Argument<string>("DEFINITION") { Description = "The definition (.asl.json)" };
        var execution = new Option<string?>("--execution") { Description = "A local execution (name, ARN or unique prefix): draw the path it took, the failed state in red" };
        var format = new Option<string>("--format") { Description = "svg (a standalone picture), mermaid (flowchart for Markdown) or dot (Graphviz)", DefaultValueFactory = _ => "svg" };
        format.AcceptOnlyFromAmong(Formats);
        var command = new Command("graph", "Draw a definition's states and transitions (with an execution: the path it took)") { definition, execution, format }.With(
            "purchase-pipeline states graph statemachine/purchase-pipeline.asl.json --format mermaid",
            "purchase-pipeline states graph statemachine/purchase-pipeline.asl.json --execution 20261125T12 --format svg");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(definition)!;
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"{path}: no such file");
                return ExitCodes.BadInput;
            }

            StateGraph graph;
            try
            {
                graph = StateGraph.Of(StateMachine.Parse(LocalSettings.Substitute(File.ReadAllText(path), Substitutions)));
            }
            catch (DefinitionException e)
            {
                context.Error.WriteLine($"{path}: {e.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.BadInput;
            }

            ExecutionPath? taken = null;
            if (parse.GetValue(execution) is { } id)
            {
                var store = new ExecutionStore(CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home)));
                if (ExecutionsCommand.Find(context, store, id) is not { } record)
                {
                    return ExitCodes.BadInput;
                }

                taken = store.PathOf(record);
            }

            context.Console.Profile.Out.Writer.Write(Render(graph, taken, parse.GetValue(format)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The placeholders of the shipped definition, so it parses as the local plane runs it; another definition has none.</summary>
    public static IReadOnlyDictionary<string, string> Substitutions { get; } = LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name));

    public static string Render(StateGraph graph, ExecutionPath? path, string format) => format switch
    {
        "mermaid" => MermaidGraph.Render(graph, path),
        "dot" => DotGraph.Render(graph, path),
        _ => StateGraphSvg.Render(graph, path) + "\n",
    };

}
