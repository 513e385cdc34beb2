using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>The fields every state has.</summary>
internal abstract record StateDefinition
{
    public required string Name { get; init; }

    /// <summary>The next state; null when the state ends its machine (End, Succeed, Fail) or chooses (Choice).</summary>
    public string? Next { get; init; }

    /// <summary>Selects the effective input; null (JSON null) gives <c>{}</c>.</summary>
    public JsonPath? InputPath { get; init; } = JsonPath.Root;

    /// <summary>Selects the output; null (JSON null) gives <c>{}</c>.</summary>
    public JsonPath? OutputPath { get; init; } = JsonPath.Root;
}
