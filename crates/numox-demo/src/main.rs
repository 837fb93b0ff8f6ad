fn main() {
    println!("{:?}", numox::array![1.0, 2.0].shape());
}
