namespace PurchasePipeline.States.Intrinsics;

/// <summary>
/// An intrinsic function could not be parsed or evaluated: bad syntax, an unknown function, or an
/// argument of the wrong count, type or range. The engine reports it as <c>States.IntrinsicFailure</c>.
/// </summary>
internal sealed class IntrinsicFailureException : Exception
{
    public IntrinsicFailureException(string message)
        : base(message)
    {
    }

    public IntrinsicFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
