// The OpenAlex reader (Import/OpenAlex/, reworked on another branch at the time) names the progress output as it did
// when it lived in Import/; drop this once those files import BzPeer.Explorer.Cli themselves.
global using CommandOutput = BzPeer.Explorer.Cli.CommandOutput;
