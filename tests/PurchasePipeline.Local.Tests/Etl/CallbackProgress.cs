namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>A progress sink that runs a callback on each report, on the reporting thread (unlike Progress&lt;T&gt;).</summary>
internal sealed class CallbackProgress(Action<string> onReport) : IProgress<string>
{
    public void Report(string value) => onReport(value);
}
