using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Mocks;

/// <summary>
/// One entry of a mocked response: the invocations it covers (inclusive, counted from 0) and either the
/// result it returns or the error it throws.
/// </summary>
internal sealed record MockedStep(string Key, int First, int Last, JsonNode? Return, string? ThrowError, string? ThrowCause)
{
    public bool Covers(int invocation) => invocation >= First && invocation <= Last;

    public bool Overlaps(MockedStep other) => First <= other.Last && other.First <= Last;
}

/// <summary>A named entry of MockedResponses.</summary>
internal sealed record MockedResponse(string Name, IReadOnlyList<MockedStep> Steps)
{
    public MockedStep? StepFor(int invocation) => Steps.FirstOrDefault(s => s.Covers(invocation));
}
