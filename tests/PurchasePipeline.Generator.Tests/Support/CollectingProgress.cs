namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class CollectingProgress<T> : IProgress<T>
{
    private readonly List<T> reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    public void Report(T value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
