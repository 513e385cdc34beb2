using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Functions.Tests;

public class ValidationRuleFilesTests
{
    [Fact]
    public void Rules_ShippedWithTheAssembly_AreTheRepositorysGlueValidationFiles()
    {
        var files = Directory.GetFiles(RepoPaths.Combine("glue", "validation"), "*.sql").Order(StringComparer.Ordinal).ToList();

        var rules = new ValidationRuleFiles().Rules;

        Assert.Equal(files.Select(Path.GetFileNameWithoutExtension), rules.Select(r => r.Name));
        Assert.Equal(files.Select(File.ReadAllText), rules.Select(r => r.Sql));
    }

    [Fact]
    public void Rules_Folder_InFileNameOrderNamedWithoutExtension()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("b_rule.sql"), "SELECT 1");
        File.WriteAllText(folder.Combine("a_rule.sql"), "SELECT 0");
        File.WriteAllText(folder.Combine("README.md"), "not a rule");

        var rules = new ValidationRuleFiles(folder.Path).Rules;

        Assert.Equal(["a_rule", "b_rule"], rules.Select(r => r.Name));
        Assert.Equal("SELECT 0", rules[0].Sql);
    }

    [Fact]
    public void Ctor_MissingFolder_ThrowsNamingIt()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<DirectoryNotFoundException>(() => new ValidationRuleFiles(folder.Combine("glue", "validation")));

        Assert.Contains(folder.Combine("glue", "validation"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_FolderWithoutRules_ThrowsRatherThanPassAnything()
    {
        using var folder = new TempDirectory();

        Assert.Throws<InvalidDataException>(() => new ValidationRuleFiles(folder.Path));
    }
}
