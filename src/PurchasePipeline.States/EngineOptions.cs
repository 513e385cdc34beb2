namespace PurchasePipeline.States;

/// <summary>How the engine runs executions.</summary>
public sealed record EngineOptions
{
    /// <summary>Multiplies every Wait and Retry delay: 1 is real time, 0 makes them instant (tests, --wait-scale 0).</summary>
    public double WaitScale { get; init; } = 1;
}
