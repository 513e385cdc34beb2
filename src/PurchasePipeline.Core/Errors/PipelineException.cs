namespace PurchasePipeline.Core.Errors;

/// <summary>
/// Base of the pipeline's typed errors. <see cref="ErrorName"/> is the name a state machine's Retry and
/// Catch match on (the error a Lambda task reports), so each failure is named once, here.
/// </summary>
public abstract class PipelineException : Exception
{
    protected PipelineException(string message)
        : base(message)
    {
    }

    protected PipelineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error name a state machine sees.</summary>
    public abstract string ErrorName { get; }
}
