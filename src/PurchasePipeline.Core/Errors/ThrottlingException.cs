namespace PurchasePipeline.Core.Errors;

/// <summary>A service refused the call for its rate; the state machine's Retry backs off and tries again.</summary>
public sealed class ThrottlingException : PipelineException
{
    public ThrottlingException(string message)
        : base(message)
    {
    }
}
