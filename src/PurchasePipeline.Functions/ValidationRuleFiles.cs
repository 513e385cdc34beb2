using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Functions;

/// <summary>
/// The data-quality rules of glue/validation, read from the .sql files the build copies next to this
/// assembly (and so into the Lambda package): the very files Athena and the local plane run.
/// </summary>
public sealed class ValidationRuleFiles : IValidationRules
{
    /// <summary>Reads the rules shipped next to the assembly (glue/validation under the base directory).</summary>
    public ValidationRuleFiles()
        : this(Path.Combine(AppContext.BaseDirectory, "glue", "validation"))
    {
    }

    /// <summary>Reads every .sql file of a folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing.</exception>
    /// <exception cref="InvalidDataException">The folder holds no rule: a validation without rules would pass anything.</exception>
    public ValidationRuleFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"validation rules folder {folder} is missing; the build copies glue/validation/*.sql there");
        }

        Folder = folder;
        Rules =
        [
            .. Directory.GetFiles(folder, "*.sql")
                .Order(StringComparer.Ordinal)
                .Select(file => new ValidationRule(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)))
        ];
        if (Rules.Count == 0)
        {
            throw new InvalidDataException($"validation rules folder {folder} has no .sql file");
        }
    }

    /// <summary>Where the rules were read from.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public IReadOnlyList<ValidationRule> Rules { get; }
}
