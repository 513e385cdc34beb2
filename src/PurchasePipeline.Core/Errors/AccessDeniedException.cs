namespace PurchasePipeline.Core.Errors;

/// <summary>The caller's role may not make the call (AWS AccessDeniedException); a deployment problem, not worth a retry.</summary>
public sealed class AccessDeniedException : PipelineException
{
    public AccessDeniedException(string message)
        : base(message)
    {
    }
}
