namespace PurchasePipeline.Infra.Settings;

/// <summary>
/// Context values (<c>cdk.json</c> or <c>-c name=value</c>) the app cannot use: one message naming every
/// bad value, printed by <see cref="Program"/> as one line instead of a stack trace.
/// </summary>
public sealed class InfraSettingsException : Exception
{
    public InfraSettingsException()
    {
    }

    public InfraSettingsException(string message)
        : base(message)
    {
    }

    public InfraSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
