/**
 * Put a small file in a file input: tours cannot pick files from the disk.
 */
export function attachFile(input, name, content = "test file", type = "application/pdf") {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], name, { type }));
    input.files = transfer.files;
}
