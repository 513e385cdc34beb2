namespace PurchasePipeline.States;

/// <summary>One thing wrong with a definition, with the JSON path where it is (e.g. $.States.Wait.Seconds).</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}
