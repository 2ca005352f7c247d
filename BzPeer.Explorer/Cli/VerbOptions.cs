using System.CommandLine;
using System.Globalization;

namespace BzPeer.Explorer.Cli;

/// <summary>Options several verbs take, made the same way so that they read and fail the same way.</summary>
public static class VerbOptions
{
    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/>; anything else is a usage error naming the option.</summary>
    public static Option<int> WholeNumber(string name, string helpName, string description, int least, int most, int? defaultValue = null)
    {
        var option = new Option<int>(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    result.AddError($"{name} takes a whole number, not \"{text}\"");
                    return 0;
                }
                if (number < least || number > most)
                    result.AddError(most == int.MaxValue
                        ? string.Create(CultureInfo.InvariantCulture, $"{name} must be {least:N0} or more")
                        : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {least:N0} and {most:N0}"));
                return number;
            },
        };
        if (defaultValue is { } value) option.DefaultValueFactory = _ => value;
        return option;
    }

    /// <summary>Makes <paramref name="option"/> one the verb cannot do without: missing, it is a usage error with <paramref name="whenMissing"/> as the reason.</summary>
    public static void Require(this Command command, Option option, string whenMissing) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is null) result.AddError(whenMissing);
        });

    /// <summary>
    /// Refuses a value of <paramref name="argument"/> that looks like an option: System.CommandLine takes a token it
    /// does not know as an argument, so a mistyped option would otherwise be read as a file or an id.
    /// </summary>
    public static T OptionsRefused<T>(this T argument) where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
                result.AddError($"unknown option {token.Value}");
        });
        return argument;
    }
}
