namespace PurchasePipeline.Core.Errors;

/// <summary>A required setting (an environment variable of the deployed function) is missing or empty.</summary>
public sealed class MissingSettingException : PipelineException
{
    public MissingSettingException(string variable, string purpose)
        : base($"environment variable {variable} is not set ({purpose})")
    {
        Variable = variable;
    }

    public MissingSettingException(string variable, string purpose, Exception innerException)
        : base($"environment variable {variable} is not set ({purpose})", innerException)
    {
        Variable = variable;
    }

    /// <summary>The environment variable's name.</summary>
    public string Variable { get; }
}
