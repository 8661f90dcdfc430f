import java.nio.file.Files;
import java.nio.file.Path;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Validates every file named on the command line with the Mustang validator in this one JVM
 * (its start and the loading of veraPDF, the XSDs and the schematron cost seconds, the files
 * themselves milliseconds): a Factur-X PDF (PDF/A-3, XMP, the embedded XML) or a CII XML
 * (Factur-X XSD and EN 16931 schematron). Each file's report goes to <file>.validation.xml;
 * one line per file on standard output says "MUSTANG VALID <file>" or "MUSTANG INVALID <file>".
 * Run as a single-file program (infra/mustang.ts does): java -cp Mustang-CLI.jar ValidateAll.java <file>...
 */
public class ValidateAll {
  public static void main(String[] args) throws Exception {
    for (String file : args) {
      ZUGFeRDValidator validator = new ZUGFeRDValidator();
      String report = validator.validate(file);
      Files.writeString(Path.of(file + ".validation.xml"), report);
      System.out.println("MUSTANG " + (validator.wasCompletelyValid() ? "VALID" : "INVALID") + " " + file);
    }
  }
}
