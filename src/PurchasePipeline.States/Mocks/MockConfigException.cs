namespace PurchasePipeline.States.Mocks;

/// <summary>
/// A mock config file that is not valid, or a state machine or test case it does not define. The message
/// starts with the JSON path of the problem, e.g. "$.MockedResponses.StartOk.1-2: range end before start".
/// </summary>
public sealed class MockConfigException : Exception
{
    public MockConfigException()
        : this("$", "invalid mock config")
    {
    }

    public MockConfigException(string message)
        : this("$", message)
    {
    }

    public MockConfigException(string message, Exception innerException)
        : base("$: " + message, innerException)
    {
        Path = "$";
    }

    public MockConfigException(string path, string problem)
        : base(path + ": " + problem)
    {
        Path = path;
    }

    /// <summary>The JSON path in the mock config where the problem is.</summary>
    public string Path { get; }
}
