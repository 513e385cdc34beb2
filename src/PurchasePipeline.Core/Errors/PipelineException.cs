namespace PurchasePipeline.Core.Errors;

/// <summary>
/// Base of the pipeline's typed errors. <see cref="ErrorName"/> is the name a state machine's Retry and
/// Catch match on (the error a Lambda task reports): the class name, so each failure is named once.
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

    /// <summary>
    /// The error name a state machine sees: the exception's type name, because that is what the Lambda
    /// runtime reports for an unhandled exception, and the local task invoker reports the same.
    /// </summary>
    public string ErrorName => GetType().Name;
}
