using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Functions;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// The definitions the engine cases run: the pipeline's own (shipped next to the binary, with the local
/// plane's values substituted as PipelineHost does), and two synthetic ones built here.
/// </summary>
internal static class EngineDefinitions
{
    /// <summary>The pipeline; without a dataset its QuickSightDatasetId is empty, so it ends after validation.</summary>
    public static StateMachine Pipeline(bool datasetConfigured)
    {
        var values = new Dictionary<string, string>(LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name)), StringComparer.Ordinal);
        if (!datasetConfigured)
        {
            values["QuickSightDatasetId"] = string.Empty;
        }

        return StateMachine.Parse(LocalSettings.Substitute(PipelineHost.ReadShipped("purchase-pipeline.asl.json"), values));
    }

    /// <summary><paramref name="states"/> Pass states with no fields, one after the other: the least a transition can cost.</summary>
    public static StateMachine PassChain(int states)
    {
        var chain = new JsonObject();
        for (var i = 1; i <= states; i++)
        {
            chain[Name(i)] = i < states
                ? new JsonObject { ["Type"] = "Pass", ["Next"] = Name(i + 1) }
                : new JsonObject { ["Type"] = "Pass", ["End"] = true };
        }

        return StateMachine.Parse(new JsonObject { ["StartAt"] = Name(1), ["States"] = chain }.ToJsonString());

        static string Name(int i) => "Pass" + i.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A counter from 0 to <paramref name="limit"/>: a Pass adds 1 with States.MathAdd, a Choice loops back
    /// while it is below the limit; 2 × limit + 1 transitions.
    /// </summary>
    public static StateMachine CounterLoop(int limit) => StateMachine.Parse($$"""
        {
          "StartAt": "Increment",
          "States": {
            "Increment": { "Type": "Pass", "Parameters": { "count.$": "States.MathAdd($.count, 1)" }, "Next": "Loop" },
            "Loop": {
              "Type": "Choice",
              "Choices": [{ "Variable": "$.count", "NumericLessThan": {{limit.ToString(CultureInfo.InvariantCulture)}}, "Next": "Increment" }],
              "Default": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }
        """);
}
