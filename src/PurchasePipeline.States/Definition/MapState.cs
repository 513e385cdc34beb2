using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Map: runs the item processor once per item of an array; the result is the array of their outputs.</summary>
internal sealed record MapState : ExecutingState
{
    public required MachineDefinition Processor { get; init; }

    public JsonPath ItemsPath { get; init; } = JsonPath.Root;

    /// <summary>Builds each iteration's input (ItemSelector, or the legacy Parameters of a Map).</summary>
    public PayloadTemplate? ItemSelector { get; init; }

    /// <summary>0 is unbounded.</summary>
    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    /// <summary>True when any tolerated-failure field is set: failures are then counted, not fatal one by one.</summary>
    public bool ToleratesFailures =>
        ToleratedFailureCount is not null || ToleratedFailureCountPath is not null
        || ToleratedFailurePercentage is not null || ToleratedFailurePercentagePath is not null;

    public static MapState Read(string name, JsonObject obj) => new()
    {
        Name = name,
        Processor = MachineDefinition.Read((obj["ItemProcessor"] ?? obj["Iterator"])!.AsObject()),
        ItemsPath = CommonFields.Path(obj, "ItemsPath", JsonPath.Root)!,
        ItemSelector = CommonFields.Template(obj, "ItemSelector") ?? CommonFields.Template(obj, "Parameters"),
        MaxConcurrency = (int)(CommonFields.Integer(obj, "MaxConcurrency") ?? 0),
        MaxConcurrencyPath = CommonFields.Path(obj, "MaxConcurrencyPath"),
        ToleratedFailureCount = (int?)CommonFields.Integer(obj, "ToleratedFailureCount"),
        ToleratedFailureCountPath = CommonFields.Path(obj, "ToleratedFailureCountPath"),
        ToleratedFailurePercentage = CommonFields.Number(obj, "ToleratedFailurePercentage"),
        ToleratedFailurePercentagePath = CommonFields.Path(obj, "ToleratedFailurePercentagePath"),
    };
}
