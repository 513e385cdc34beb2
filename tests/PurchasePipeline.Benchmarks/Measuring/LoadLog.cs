using System.Globalization;

namespace PurchasePipeline.Benchmarks.Measuring;

/// <summary>
/// Samples the 1-minute load average every few seconds, filed under the phase the run is in, so the report
/// can say how busy the machine was while each case was measured.
/// </summary>
internal sealed class LoadLog : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<(string Phase, double Load)> samples = [];
    private readonly ITimer timer;
    private string phase = "setup";

    public LoadLog(TimeProvider time)
    {
        timer = time.CreateTimer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    /// <summary>Files later samples under <paramref name="name"/>, and takes one now.</summary>
    public void Enter(string name)
    {
        lock (gate)
        {
            phase = name;
        }

        Sample();
    }

    /// <summary>"phase: median (min-max)" for each phase in order, or null where no load average is published.</summary>
    public string? Describe()
    {
        lock (gate)
        {
            if (samples.Count == 0)
            {
                return null;
            }

            var phases = samples.Select(s => s.Phase).Distinct().Select(p =>
            {
                var loads = samples.Where(s => s.Phase == p).Select(s => s.Load).Order().ToArray();
                return string.Create(CultureInfo.InvariantCulture, $"{p} {loads[loads.Length / 2]:0.0} ({loads[0]:0.0}-{loads[^1]:0.0})");
            });
            return string.Join("; ", phases);
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        if (SystemLoad.OneMinute() is not { } load)
        {
            return;
        }

        lock (gate)
        {
            samples.Add((phase, load));
        }
    }
}
