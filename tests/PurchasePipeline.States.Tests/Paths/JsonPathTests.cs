using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Paths;

/// <summary>
/// The JSONPath subset of https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html:
/// definite paths select one node, other paths an array of what they select (as Jayway JsonPath does).
/// </summary>
public sealed class JsonPathTests
{
    private const string ReferenceExample = """{ "foo": 123, "bar": [ "a", "b", "c" ], "car": { "cdr": true } }""";

    private const string Store = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 } ],
            "bicycle": { "color": "red", "price": 19.95 } },
          "expensive": 10 }
        """;

    [Theory]
    [InlineData("$.foo", "123")]
    [InlineData("$.bar", """[ "a", "b", "c" ]""")]
    [InlineData("$.car.cdr", "true")]
    [InlineData("$", ReferenceExample)]
    [InlineData("$['foo']", "123")]
    [InlineData("$.bar[1]", "\"b\"")]
    [InlineData("$.bar[-1]", "\"c\"")]
    public void TrySelect_ReferencePathExamples_SelectOneNode(string path, string expected)
    {
        var parsed = JsonPath.Parse(path);

        Assert.True(parsed.IsReference);
        Assert.True(parsed.TrySelect(JsonNode.Parse(ReferenceExample), null, out var value));
        JsonAssert.Equal(expected, value);
    }

    [Theory]
    [InlineData("$.store.book[*].author", """[ "Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien" ]""")]
    [InlineData("$..author", """[ "Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien" ]""")]
    [InlineData("$.store.*.color", """[ "red" ]""")]
    [InlineData("$..book[2].title", """[ "Moby Dick" ]""")]
    [InlineData("$..book[0,1].title", """[ "Sayings of the Century", "Sword of Honour" ]""")]
    [InlineData("$..book[:2].price", "[ 8.95, 12.99 ]")]
    [InlineData("$..book[-1:].title", """[ "The Lord of the Rings" ]""")]
    [InlineData("$.store.book[1:3].price", "[ 12.99, 8.99 ]")]
    [InlineData("$.store.book[::2].price", "[ 8.95, 8.99 ]")]
    [InlineData("$..book[?(@.isbn)].title", """[ "Moby Dick", "The Lord of the Rings" ]""")]
    [InlineData("$.store.book[?(@.price < 10)].title", """[ "Sayings of the Century", "Moby Dick" ]""")]
    [InlineData("$.store.book[?(@.price <= $.expensive)].price", "[ 8.95, 8.99 ]")]
    [InlineData("$.store.book[?(@.category == 'fiction' && @.price > 20)].title", """[ "The Lord of the Rings" ]""")]
    [InlineData("$.store.book[?(@.category != 'fiction' || @.price >= 22.99)].title", """[ "Sayings of the Century", "The Lord of the Rings" ]""")]
    [InlineData("$.store.book[?(!(@.price > 9))].price", "[ 8.95, 8.99 ]")]
    [InlineData("$.store.book[?(@.author == \"Evelyn Waugh\")].price", "[ 12.99 ]")]
    [InlineData("$..price", "[ 8.95, 12.99, 8.99, 22.99, 19.95 ]")]
    [InlineData("$.store['bicycle','missing'].color", """[ "red" ]""")]
    [InlineData("$.store.book[?(@.price > 100)]", "[]")]
    public void TrySelect_IndefinitePaths_SelectAnArray(string path, string expected)
    {
        var parsed = JsonPath.Parse(path);

        Assert.False(parsed.IsDefinite);
        Assert.True(parsed.TrySelect(JsonNode.Parse(Store), null, out var value));
        JsonAssert.Equal(expected, value);
    }

    [Fact]
    public void TrySelect_SliceExampleOfTheGuide_SelectsTheFirstTwo()
    {
        // amazon-states-language-input-output-processing: "$.a[0:2]" on { "a": [1, 2, 3, 4] } is [1, 2].
        Assert.True(JsonPath.Parse("$.a[0:2]").TrySelect(JsonNode.Parse("""{ "a": [ 1, 2, 3, 4 ] }"""), null, out var value));

        JsonAssert.Equal("[ 1, 2 ]", value);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.foo.deeper")]
    [InlineData("$.bar[3]")]
    [InlineData("$.car['nope']")]
    public void TrySelect_DefinitePathSelectingNothing_IsFalse(string path)
    {
        Assert.False(JsonPath.Parse(path).TrySelect(JsonNode.Parse(ReferenceExample), null, out _));
    }

    [Fact]
    public void TrySelect_NullValue_IsSelected()
    {
        Assert.True(JsonPath.Parse("$.a").TrySelect(JsonNode.Parse("""{ "a": null }"""), null, out var value));

        Assert.Null(value);
    }

    [Fact]
    public void TrySelect_ContextPath_ReadsTheContextObject()
    {
        var path = JsonPath.Parse("$$.Execution.Id");

        Assert.True(path.IsContext);
        Assert.True(path.TrySelect(JsonNode.Parse("{}"), JsonNode.Parse("""{ "Execution": { "Id": "arn" } }"""), out var value));
        Assert.Equal("arn", value!.GetValue<string>());
    }

    [Theory]
    [InlineData("$.abc.['def ghi']", "1")]
    [InlineData("$['def ghi']", "2")]
    [InlineData("$.detail-type", "3")]
    public void TrySelect_BracketAndSpecialNames_SelectTheMember(string path, string expected)
    {
        // "to encode special characters, such as punctuation marks (excluding _), you must use bracket notation. For example, $.abc.['def ghi']".
        var input = JsonNode.Parse("""{ "abc": { "def ghi": 1 }, "def ghi": 2, "detail-type": 3 }""");

        Assert.True(JsonPath.Parse(path).TrySelect(input, null, out var value));
        JsonAssert.Equal(expected, value);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("$.")]
    [InlineData("$[")]
    [InlineData("$.a[1")]
    [InlineData("$.a[x]")]
    [InlineData("$.a[?(@.b ==)]")]
    [InlineData("$.a.length()")]
    [InlineData("$.a['b]")]
    [InlineData("$.a[::0]")]
    public void Parse_InvalidPath_ThrowsNamingThePath(string path)
    {
        var exception = Assert.Throws<PathSyntaxException>(() => JsonPath.Parse(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$.a[0:1]")]
    [InlineData("$.a[0,1]")]
    [InlineData("$.a[?(@.x)]")]
    [InlineData("$.*")]
    public void IsReference_PathsWithOperators_AreNotReferencePaths(string path)
    {
        // Reference paths: "The operators @ .. , : ? * aren't supported."
        Assert.False(JsonPath.Parse(path).IsReference);
    }

    [Fact]
    public void TrySelect_ReturnsACopy_ThatCanBeAttachedElsewhere()
    {
        var input = JsonNode.Parse("""{ "a": { "b": 1 } }""");
        JsonPath.Parse("$.a").TrySelect(input, null, out var value);

        var holder = new JsonObject { ["copy"] = value };

        Assert.Equal(1, holder["copy"]!["b"]!.GetValue<int>());
        Assert.Equal(1, input!["a"]!["b"]!.GetValue<int>());
    }
}
