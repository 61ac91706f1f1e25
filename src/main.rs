use std::process::ExitCode;

fn main() -> ExitCode {
    strainscope::app::main()
}
