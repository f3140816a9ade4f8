"""One module per moto 5.2.1 gap; each exposes apply() and a docstring naming the AWS behaviour it restores."""
