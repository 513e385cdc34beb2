using System.Reflection;

namespace PurchasePipeline.EndToEnd.Tests.Burst;

/// <summary>
/// Makes a scripted fake (its answers are completed tasks, its records plain lists) safe for hundreds of
/// executions calling at once: every call of the port goes through one lock.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives its proxy type from this one at run time: it must not be sealed.
internal class OneCallAtATime<TPort> : DispatchProxy
#pragma warning restore CA1852
    where TPort : class
{
    private readonly Lock gate = new();
    private TPort inner = null!;

    public static TPort Wrap(TPort inner)
    {
        var proxy = Create<TPort, OneCallAtATime<TPort>>();
        ((OneCallAtATime<TPort>)(object)proxy).inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        lock (gate)
        {
            return targetMethod!.Invoke(inner, args);
        }
    }
}
