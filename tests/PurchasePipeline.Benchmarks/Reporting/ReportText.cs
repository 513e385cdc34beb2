using System.Globalization;
using System.Text;

namespace PurchasePipeline.Benchmarks.Reporting;

/// <summary>What every benchmark report starts with, and invariant-culture lines.</summary>
internal static class ReportText
{
    /// <summary>The title, the machine, and the load while measuring (the machine may be shared).</summary>
    public static void AppendHeader(StringBuilder text, string title, string environment, string? load)
    {
        Line(text, $"# {title}");
        text.AppendLine();
        Line(text, $"{environment}");
        if (load is not null)
        {
            text.AppendLine();
            Line(text, $"Load average (1 min) while measuring, median (min-max) per phase: {load}. The machine has {Environment.ProcessorCount} cores; above that, other work was competing for them.");
        }
    }

    public static void Line(StringBuilder text, FormattableString line) =>
        text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
