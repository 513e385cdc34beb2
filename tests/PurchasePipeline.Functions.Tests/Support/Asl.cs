using System.Text.Json.Nodes;
using PurchasePipeline.Functions.Logging;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Functions.Tests.Support;

/// <summary>statemachine/purchase-pipeline.asl.json, read as plain JSON.</summary>
internal static class Asl
{
    public static JsonObject Definition { get; } =
        Json.ParseObject(File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json")));

    /// <summary>Every state by name, those of the Parallel units' branches included (state names are unique in a definition).</summary>
    public static JsonObject States { get; } = StatesOf(Definition, []);

    /// <summary>The Task states whose resource is one of our functions' ARN placeholders.</summary>
    public static IEnumerable<(string Name, JsonObject State, TaskFunctionInfo Function)> FunctionTasks() =>
        from state in States
        let body = state.Value!.AsObject()
        where (string?)body["Type"] == "Task"
        let function = FunctionCatalog.FindByResource((string)body["Resource"]!)
        where function is not null
        select (state.Key, body, function);

    /// <summary>The Task states' resources that are ${…FunctionArn} placeholders.</summary>
    public static IEnumerable<string> FunctionArnResources() =>
        from state in States
        let resource = (string?)state.Value!["Resource"]
        where resource is not null && resource.StartsWith("${", StringComparison.Ordinal) && resource.EndsWith("FunctionArn}", StringComparison.Ordinal)
        select resource;

    /// <summary>The field names of a state's Parameters, without the ".$" of path-valued fields.</summary>
    /// <summary>The parameters a state passes to its task; the <see cref="TaskLog.Field"/> every Lambda task gets is for the handlers' log lines, not the task.</summary>
    public static IEnumerable<string> ParameterNames(JsonObject state) =>
        state["Parameters"]!.AsObject().Select(p => p.Key.EndsWith(".$", StringComparison.Ordinal) ? p.Key[..^2] : p.Key).Where(name => name != TaskLog.Field);

    /// <summary>Every string anywhere in the definition (values and field names).</summary>
    public static IEnumerable<string> AllStrings() => StringsIn(Definition);

    /// <summary>Every error name a Retry of the definition matches.</summary>
    public static IEnumerable<string> RetriedErrors() =>
        from state in States
        from retrier in state.Value!["Retry"]?.AsArray() ?? []
        from error in retrier!["ErrorEquals"]!.AsArray()
        select (string)error!;

    private static JsonObject StatesOf(JsonNode machine, JsonObject into)
    {
        foreach (var (name, state) in machine[nameof(States)]!.AsObject())
        {
            into[name] = state!.DeepClone();
            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                StatesOf(branch!, into);
            }
        }

        return into;
    }

    private static IEnumerable<string> StringsIn(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringsIn(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(StringsIn),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
