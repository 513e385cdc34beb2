namespace PurchasePipeline.States.Validation;

/// <summary>The fields each state type may have in a JSONPath state machine (the Amazon States Language's field lists).</summary>
/// <remarks>https://states-language.net/spec.html and https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html</remarks>
internal static class StateFields
{
    public const string JsonPath = "JSONPath";
    public const string JsonAta = "JSONata";

    public static readonly string[] Types = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

    /// <summary>Fields only JSONata states have; named in the message when found in a JSONPath state.</summary>
    public static readonly HashSet<string> JsonAtaOnly = new(["Arguments", "Output", "Items"], StringComparer.Ordinal);

    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] InputOutput = ["InputPath", "OutputPath"];
    private static readonly string[] Flow = ["Next", "End"];

    private static readonly Dictionary<string, HashSet<string>> ByType = new(StringComparer.Ordinal)
    {
        ["Pass"] = Set(Common, InputOutput, Flow, ["Parameters", "ResultPath", "Result", "Assign"]),
        ["Task"] = Set(Common, InputOutput, Flow,
        [
            "Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "TimeoutSeconds",
            "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign",
        ]),
        ["Choice"] = Set(Common, InputOutput, ["Choices", "Default", "Assign"]),
        ["Wait"] = Set(Common, InputOutput, Flow, ["Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"]),
        ["Succeed"] = Set(Common, InputOutput),
        ["Fail"] = Set(Common, ["Error", "ErrorPath", "Cause", "CausePath"]),
        ["Parallel"] = Set(Common, InputOutput, Flow, ["Branches", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Assign"]),
        ["Map"] = Set(Common, InputOutput, Flow,
        [
            "ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "Parameters", "ItemReader", "ItemBatcher",
            "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label",
            "ResultPath", "ResultSelector", "Retry", "Catch", "Assign",
        ]),
    };

    public static bool IsType(string type) => ByType.ContainsKey(type);

    public static bool Allows(string type, string field) => ByType[type].Contains(field);

    /// <summary>Pass, Task, Wait, Parallel and Map continue with Next or stop with End.</summary>
    public static bool HasFlow(string type) => Allows(type, "Next");

    private static HashSet<string> Set(params string[][] groups) => new(groups.SelectMany(g => g), StringComparer.Ordinal);
}
