using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>
/// Reads the fields states share (Next, InputPath, OutputPath; for Task, Parallel and Map also Parameters,
/// ResultSelector, ResultPath, Retry and Catch) and the typed values every state reader uses.
/// </summary>
/// <remarks>
/// Reads a definition the <see cref="Validation.DefinitionValidator"/> has accepted, so it checks nothing:
/// a missing field takes its default and every path and template is known to parse.
/// </remarks>
internal static class CommonFields
{
    private const string DynamicSuffix = ".$";

    public static StateDefinition Read(StateDefinition state, JsonObject obj)
    {
        state = state with
        {
            Next = String(obj, "Next"),
            InputPath = Path(obj, "InputPath", JsonPath.Root),
            OutputPath = Path(obj, "OutputPath", JsonPath.Root),
        };
        return state is not ExecutingState executing ? state : executing with
        {
            Parameters = Template(obj, "Parameters"),
            ResultSelector = Template(obj, "ResultSelector"),
            ResultPath = Path(obj, "ResultPath", JsonPath.Root),
            Retry = Objects(obj, "Retry").Select(Retrier).ToList(),
            Catch = Objects(obj, "Catch").Select(catcher => new Catcher(Errors(catcher), String(catcher, "Next")!, Path(catcher, "ResultPath", JsonPath.Root))).ToList(),
        };
    }

    public static string? String(JsonObject obj, string field) => JsonValues.TryGetString(obj[field], out var text) ? text : null;

    public static long? Integer(JsonObject obj, string field) => JsonValues.TryGetInteger(obj[field], out var value) ? value : null;

    public static double? Number(JsonObject obj, string field) => JsonValues.TryGetNumber(obj[field], out var value) ? value : null;

    /// <summary>A path field: <paramref name="absent"/> when missing, null when JSON null.</summary>
    public static JsonPath? Path(JsonObject obj, string field, JsonPath? absent = null) =>
        !obj.TryGetPropertyValue(field, out var node) ? absent : node is null ? null : JsonPath.Parse(node.GetValue<string>());

    /// <summary>A payload template (Parameters, ResultSelector, ItemSelector), when given.</summary>
    public static PayloadTemplate? Template(JsonObject obj, string field) =>
        obj.TryGetPropertyValue(field, out var node) ? new PayloadTemplate(TemplateNode(node)) : null;

    /// <summary>The value of a <c>key.$</c> field, ErrorPath or CausePath: an intrinsic function or a path.</summary>
    public static TemplateNode Dynamic(string text, string field) =>
        text.StartsWith("States.", StringComparison.Ordinal) ? new TemplateIntrinsic(text, field) : new TemplatePath(JsonPath.Parse(text), field);

    private static TemplateNode TemplateNode(JsonNode? node) => node switch
    {
        JsonObject obj => new TemplateObject(obj.Select(pair => pair.Key.EndsWith(DynamicSuffix, StringComparison.Ordinal)
            ? new KeyValuePair<string, TemplateNode>(pair.Key[..^DynamicSuffix.Length], Dynamic(pair.Value!.GetValue<string>(), pair.Key))
            : new KeyValuePair<string, TemplateNode>(pair.Key, TemplateNode(pair.Value))).ToList()),
        JsonArray array => new TemplateArray(array.Select(TemplateNode).ToList()),
        _ => new TemplateLiteral(JsonValues.Copy(node)),
    };

    private static IEnumerable<JsonObject> Objects(JsonObject obj, string field) =>
        obj[field] is JsonArray array ? array.Select(item => item!.AsObject()) : [];

    private static List<string> Errors(JsonObject handler) => handler["ErrorEquals"]!.AsArray().Select(error => error!.GetValue<string>()).ToList();

    // Defaults of https://states-language.net/spec.html#retrying-after-error
    private static Retrier Retrier(JsonObject retrier) => new(
        Errors(retrier),
        (int)(Integer(retrier, "IntervalSeconds") ?? 1),
        (int)(Integer(retrier, "MaxAttempts") ?? 3),
        Number(retrier, "BackoffRate") ?? 2.0,
        (int?)Integer(retrier, "MaxDelaySeconds"),
        String(retrier, "JitterStrategy") == "FULL");
}
