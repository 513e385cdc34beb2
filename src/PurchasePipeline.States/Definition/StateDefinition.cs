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

/// <summary>Pass: copies its input, or a fixed Result, to its output.</summary>
internal sealed record PassState : StateDefinition
{
    public PayloadTemplate? Parameters { get; init; }

    /// <summary>The fixed result; only meaningful when <see cref="HasResult"/>.</summary>
    public System.Text.Json.Nodes.JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    /// <summary>Where the result goes in the raw input; null (JSON null) discards it.</summary>
    public JsonPath? ResultPath { get; init; } = JsonPath.Root;
}

/// <summary>Succeed: ends its machine successfully with its (filtered) input.</summary>
internal sealed record SucceedState : StateDefinition;

/// <summary>Fail: ends its machine with an error and a cause.</summary>
internal sealed record FailState : StateDefinition
{
    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>A path or an intrinsic function giving the error name at run time.</summary>
    public TemplateNode? ErrorPath { get; init; }

    /// <summary>A path or an intrinsic function giving the cause at run time.</summary>
    public TemplateNode? CausePath { get; init; }
}

/// <summary>Wait: delays for a number of seconds or until a time.</summary>
internal sealed record WaitState : StateDefinition
{
    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }
}
