using System.Text;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public class InvalidInputTests
{
    private readonly FunctionHarness harness = new();

    [Fact]
    public async Task InvokeAsync_TruncatedJson_ThrowsInvalidTaskInputWithThePosition()
    {
        var error = await InvokeExpectingErrorAsync("GetCrawlerState", "Invalid/truncated");

        Assert.StartsWith("$", error.Field, StringComparison.Ordinal);
        Assert.Matches(@"malformed JSON \(line \d+, byte \d+\)", error.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task InvokeAsync_FieldOfTheWrongType_ThrowsInvalidTaskInputAtThatField()
    {
        var error = await InvokeExpectingErrorAsync("GetCrawlerState", "Invalid/GetCrawlerState.poll-not-a-number");

        Assert.Equal("$.poll", error.Field);
        Assert.StartsWith("task input $.poll: malformed JSON (line 3, byte ", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Crawler.Polled);
    }

    [Fact]
    public async Task InvokeAsync_JsonNull_ThrowsInvalidTaskInputForTheWholeInput()
    {
        var error = await InvokeExpectingErrorAsync("StartCrawler", "Invalid/null");

        Assert.Equal("$", error.Field);
        Assert.Equal("task input $: expected a JSON object, got null", error.Message);
    }

    [Fact]
    public async Task InvokeAsync_QueryWithoutId_ThrowsInvalidTaskInputNamingItsPath()
    {
        var error = await InvokeExpectingErrorAsync("GetValidationResult", "Invalid/GetValidationResult.query-without-id");

        Assert.Equal("$.queries[1].queryId", error.Field);
        Assert.Equal("InvalidTaskInputException", error.ErrorName);
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public async Task InvokeAsync_AnyFunctionGivenNotJson_ThrowsInvalidTaskInput(string function)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("crawlerName=raw"));

        await Assert.ThrowsAsync<InvalidTaskInputException>(() => harness.Create(function).InvokeAsync(input, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public async Task InvokeAsync_AnyFunctionGivenAnEmptyObject_ThrowsInvalidTaskInputNamingAField(string function)
    {
        using var input = new MemoryStream("{}"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => harness.Create(function).InvokeAsync(input, CancellationToken.None));

        Assert.StartsWith("$.", error.Field, StringComparison.Ordinal);
    }

    public static TheoryData<string> FunctionNames() => [.. FunctionCatalog.All.Select(f => f.Name)];

    private async Task<InvalidTaskInputException> InvokeExpectingErrorAsync(string function, string eventName)
    {
        await using var input = Events.Open(eventName);
        return await Assert.ThrowsAsync<InvalidTaskInputException>(() => harness.Create(function).InvokeAsync(input, CancellationToken.None));
    }
}
