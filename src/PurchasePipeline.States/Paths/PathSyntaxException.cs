namespace PurchasePipeline.States.Paths;

/// <summary>A JSONPath that does not parse; the message names the path and what is wrong with it.</summary>
internal sealed class PathSyntaxException : Exception
{
    public PathSyntaxException(string message)
        : base(message)
    {
    }
}
