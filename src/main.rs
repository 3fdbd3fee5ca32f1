fn main() {
    let code = session_inspector::run_from_args(std::env::args_os());
    std::process::exit(code);
}
