using System.Globalization;

namespace PurchasePipeline.Benchmarks.Measuring;

/// <summary>
/// CPU time of this process's finished children: the cutime and cstime fields of /proc/self/stat (proc(5)), which grow
/// when a child is reaped. Read before and after one child runs, the difference is that child's CPU time (every thread,
/// DuckDB's included) without any native call; the resolution is a clock tick (10 ms).
/// </summary>
internal static class ChildCpu
{
    /// <summary>USER_HZ, the unit of /proc's times: 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Total()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 (cutime, cstime) are at 13 and 14 after field 2.
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
